import { runApp } from './run-app';

runApp('start').catch((error) => {
  console.error(error);
  process.exit(1);
});
