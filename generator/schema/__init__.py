"""One typed schema per kind of input; unknown keys are rejected everywhere."""
