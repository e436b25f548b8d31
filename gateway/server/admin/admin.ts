// The operator's command line: `npm run admin -- <command> [options]` (admin-cli.ts). Its output
// is for a person: the gateway's JSON logs only for warnings and worse, unless LOG_LEVEL says otherwise.
process.env.LOG_LEVEL ??= 'warn';
await import('./admin-cli.js');
