"""`urgent cases`, `export`, `import`, `backup`, `restore`: the store as files."""
