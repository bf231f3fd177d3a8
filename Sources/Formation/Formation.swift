// The Formation module.
