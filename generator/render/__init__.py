"""Phase two: turn the validated model into a plain docs tree (no engine imports here)."""
