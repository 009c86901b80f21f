// Stands for "server-only" in the worker bundle (scripts/build-workers.mjs):
// a worker thread is server code, and the marker package throws outside React's server build.
export {};
