import rule from '../../rules/add-to-extract-archive.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ADD', files: 'FROM debian:12\nADD vendor.tar.gz /opt/\n' },
    { name: 'copied, not extracted', files: 'FROM debian:12\nCOPY vendor.tar.gz /srv/downloads/\n' },
    { name: 'extracted in another stage', files: 'FROM debian:12 AS a\nCOPY vendor.tar.gz /tmp/\nFROM debian:12\nRUN tar -xzf /tmp/vendor.tar.gz\n' },
    { name: 'decompressing a non-tar file', files: 'FROM debian:12\nCOPY data.json.gz /tmp/\nRUN gunzip /tmp/data.json.gz\n' },
    { name: 'COPY --from cannot be ADDed', files: 'FROM debian:12 AS a\nFROM debian:12\nCOPY --from=a /out/app.tar /tmp/\nRUN tar -xf /tmp/app.tar\n' },
    { name: 'tar creates, not extracts', files: 'FROM debian:12\nCOPY app.tar /tmp/\nRUN tar -cf /tmp/app.tar /app\n' },
    { name: 'extraction before the copy', files: 'FROM debian:12\nRUN tar -xf /tmp/app.tar\nCOPY app.tar /tmp/\n' },
  ],
  invalid: [
    { name: 'tar -xzf in an && chain', files: 'FROM debian:12\nCOPY vendor.tar.gz /tmp/\nRUN mkdir -p /opt && tar -xzf /tmp/vendor.tar.gz -C /opt && rm /tmp/vendor.tar.gz\n', errors: [{ line: 2, column: 6, message: 'unpacked with tar on line 3' }] },
    { name: 'old-style tar xzf', files: 'FROM debian:12\nCOPY app.tgz /tmp/\nRUN cd /opt && tar xzf /tmp/app.tgz\n', errors: [{ line: 2, column: 6 }] },
    { name: 'renamed at the destination', files: 'FROM debian:12\nCOPY build/out.tar.xz /tmp/app.tar.xz\nRUN tar --extract --file=/tmp/app.tar.xz\n', errors: [{ line: 2, column: 23 }] },
    { name: 'gunzip of a tar', files: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN gunzip /tmp/app.tar.gz\n', errors: [{ line: 2, column: 6, message: 'with gunzip' }] },
    { name: 'heredoc', files: 'FROM debian:12\nCOPY app.tar /tmp/\nRUN <<EOF\nset -e\ntar -xf /tmp/app.tar -C /opt\nEOF\n', errors: [{ line: 2, column: 6 }] },
    { name: 'continuation lines', files: 'FROM debian:12\nCOPY a.txt \\\n     app.tar.bz2 /tmp/\nRUN tar \\\n  -xjf /tmp/app.tar.bz2\n', errors: [{ line: 3, column: 6 }] },
  ],
});
