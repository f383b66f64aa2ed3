import rule from '../../rules/expose-proto-casing.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'lowercase', files: 'FROM nginx:1.27\nEXPOSE 80/tcp 53/udp\n' },
    { name: 'no protocol', files: 'FROM nginx:1.27\nEXPOSE 80 443\n' },
    { name: 'protocol from a variable is not written here', files: 'FROM nginx:1.27\nARG PROTO=TCP\nEXPOSE 80/$PROTO\n' },
  ],
  invalid: [
    { name: 'TCP', files: 'FROM nginx:1.27\nEXPOSE 80/TCP\n', errors: [{ line: 2, column: 8, message: 'Defined protocol "80/TCP" in EXPOSE should be lowercase: write 80/tcp' }] },
    { name: 'mixed case among others', files: 'FROM nginx:1.27\nEXPOSE 80 443/Tcp 53/udp\n', errors: [{ line: 2, column: 11 }] },
    { name: 'over a continuation', files: 'FROM nginx:1.27\nEXPOSE 80/tcp \\\n  9000-9010/UDP\n', errors: [{ line: 3, column: 3 }] },
  ],
});
