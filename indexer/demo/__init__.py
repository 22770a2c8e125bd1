"""Bundled demo: procedurally drawn scenes and a small CLIP trained on them."""
