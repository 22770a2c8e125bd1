"""Indexer: CLIP embeddings of an image collection, stored in Milvus."""
