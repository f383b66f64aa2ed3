import rule from '../../rules/expose-valid-port.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ports and protocols', files: 'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 0 65535\n' },
    { name: 'range', files: 'FROM nginx:1.27\nEXPOSE 8000-8010/tcp\n' },
    { name: 'variables', files: 'FROM nginx:1.27\nARG PORT=8080\nEXPOSE $PORT ${PORT}/udp\n' },
    { name: 'protocol in capitals', files: 'FROM nginx:1.27\nEXPOSE 80/TCP\n' },
  ],
  invalid: [
    { name: 'too high', files: 'FROM nginx:1.27\nEXPOSE 80 80000\n', errors: [{ line: 2, column: 11, message: 'Port 80000' }] },
    { name: 'range end too high', files: 'FROM nginx:1.27\nEXPOSE 65000-70000/udp\n', errors: [{ line: 2, column: 8, message: 'Port 70000' }] },
    { name: 'reversed range', files: 'FROM nginx:1.27\nEXPOSE 9100-9000\n', errors: [{ line: 2, column: 8, message: 'empty range' }] },
    { name: 'bad protocol', files: 'FROM nginx:1.27\nEXPOSE 53/dns\n', errors: [{ line: 2, column: 8, message: 'tcp, udp or sctp' }] },
    { name: 'not a number', files: 'FROM nginx:1.27\nEXPOSE http\n', errors: [{ line: 2, column: 8, message: 'is not a port' }] },
    { name: 'continuation', files: 'FROM nginx:1.27\nEXPOSE 80 \\\n  99999\n', errors: [{ line: 3, column: 3 }] },
  ],
});
