/**
 * The command line as one bundled file (build/cli/main.js), and the batch's worker thread beside
 * it (build/cli/worker.js): `npm run build:cli`. Bundling from the TypeScript sources as ES
 * modules lets webpack drop what the CLI never uses (zod's 40-odd locales among it), and one
 * file loads much faster than the ~150 files of the tsc output: start-up is a third of a
 * district batch. bin/xxgk-nianbao.js loads the bundle.
 */
const path = require('node:path');

module.exports = {
  mode: 'production',
  target: 'node20',
  devtool: false,
  entry: {
    main: { import: './src/cli/main.ts', library: { type: 'commonjs2' } },
    // pool.ts starts join(__dirname, 'worker.js'): it must sit beside main.js.
    worker: './src/node/batch/worker.ts',
  },
  output: { path: path.resolve(__dirname, 'build/cli'), filename: '[name].js', clean: true },
  // The bundle's own __dirname and __filename (where worker.js is), not the sources'.
  node: { __dirname: false, __filename: false, global: false },
  externalsPresets: { node: true },
  // Only pool.ts's jest branch (running worker.ts from source) needs it.
  externals: { typescript: 'commonjs typescript' },
  resolve: {
    extensions: ['.ts', '.js'],
    // fflate's Node build loads worker_threads on start for its async API, which we never use.
    alias: { fflate$: path.join(path.dirname(require.resolve('fflate')), '../esm/browser.js') },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            transpileOnly: true, // `npm run typecheck` checks types
            configFile: path.resolve(__dirname, 'tsconfig.cli.json'),
            compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: false },
          },
        },
      },
    ],
  },
  optimization: {
    // Dead code inside the kept modules goes too; names stay and the output stays one statement
    // a line, so a 内部错误 stack trace still reads.
    minimize: true,
    minimizeOptions: {
      javascript: { compress: { passes: 2 }, mangle: false, keepFnames: true, keepClassnames: true, format: { beautify: true, comments: false } },
    },
    nodeEnv: false,
  },
  performance: { hints: false },
  stats: 'errors-warnings',
};
