// Mantine's PostCSS preset (mixins, rem()) for any CSS modules the web app writes.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
