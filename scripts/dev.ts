import { runApp } from './run-app';

runApp('dev').catch((error) => {
  console.error(error);
  process.exit(1);
});
