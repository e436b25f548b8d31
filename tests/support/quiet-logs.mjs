// Tests provoke errors on purpose; only real failures should reach the output.
process.env.LOG_LEVEL ??= 'error';
