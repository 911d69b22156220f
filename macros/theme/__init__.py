"""The Python side of our theme (overrides/): what its templates call, in the build's language."""
