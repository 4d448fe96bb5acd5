// Admin screens (org tree, users, grants, positions, import, audit log) arrive here; nothing is exported yet.
