"""Measuring the extractor on text nobody on the project wrote."""
