import { describeRoundTrip } from './roundtrip';

describeRoundTrip('2019');
