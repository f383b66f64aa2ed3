import rule from '../../rules/gem-pin-versions.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'name:version', files: 'FROM ruby:3.4-slim\nRUN gem install bundler:2.6.2 rake:13.2.1\n' },
    { name: '-v applies to the command', files: 'FROM ruby:3.4-slim\nRUN gem install bundler -v 2.6.2 && gem install --version "$RAILS_VERSION" rails\n' },
    { name: 'local gems, Gemfile installs, option values', files: 'FROM ruby:3.4-slim\nRUN gem install ./vendor/app-1.0.gem --install-dir /opt/gems && gem install -g Gemfile\n' },
    { name: 'suppressed with the hadolint code', files: 'FROM ruby:3.4-slim\n# hadolint ignore=DL3028\nRUN gem install bundler\n' },
  ],
  invalid: [
    { name: 'in an && chain', files: 'FROM ruby:3.4-slim\nRUN gem update --system && gem install --no-document bundler\n', errors: [{ line: 2, column: 54, message: '`gem install bundler:<version>`' }] },
    { name: 'gem i in a continuation', files: 'FROM ruby:3.4-slim\nRUN gem i -N \\\n      rails:7.2.1 \\\n      puma\n', errors: [{ line: 4, column: 7, message: '"puma"' }] },
    { name: 'in a heredoc', files: 'FROM ruby:3.4-slim\nRUN <<EOF\ngem install foreman\nEOF\n', errors: [{ line: 3, column: 13 }] },
    { name: 'ONBUILD RUN trigger', files: 'FROM ruby:3.4-slim\nONBUILD RUN gem install rake\n', errors: [{ line: 2, column: 25 }] },
  ],
});
