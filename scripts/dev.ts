import { watchIslands } from './build-islands';
import { runApp } from './run-app';

// The islands' development build first (the pages name its files), then kept up to date while Next.js runs.
watchIslands()
  .then(() => runApp('dev'))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
