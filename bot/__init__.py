"""carecircle: the core, its transports, the scheduler and the command line."""
