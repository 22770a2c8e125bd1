"""Chat bot: conversation -> search plan -> results -> Streamlit page."""
