/**
 * The reply layer's public face: the incremental parser and the reply-class helpers.
 * Must not import electron or React.
 */
export { ReplyParser, type ReplyParserOptions } from './ReplyParser';
export {
  type FtpReply, isPreliminary, isCompletion, isIntermediate, isTransientNegative, isPermanentNegative, isNegative,
} from './FtpReply';
