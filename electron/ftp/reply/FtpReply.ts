/**
 * The FtpReply value and its reply-class helpers (RFC 959 §4.2: the first digit says
 * preliminary, completion, intermediate, transient or permanent negative).
 * Owns: the reply shape only. Must not import electron or React.
 */

/** One complete server reply: its code, its message text, and the raw lines as received. */
export interface FtpReply {
  code: number;
  /** The message without the code prefixes: single-line text, or the lines of a multi-line reply joined by "\n". */
  text: string;
  /** The raw lines (without CRLF), first line included. */
  lines: string[];
}

/** 1yz: the command was accepted and another reply will follow (e.g. 150 before a transfer). */
export function isPreliminary(reply: FtpReply): boolean {
  return reply.code >= 100 && reply.code < 200;
}

/** 2yz: the command completed. */
export function isCompletion(reply: FtpReply): boolean {
  return reply.code >= 200 && reply.code < 300;
}

/** 3yz: the command was accepted and the server waits for another (e.g. 331 after USER, 350 after RNFR/REST). */
export function isIntermediate(reply: FtpReply): boolean {
  return reply.code >= 300 && reply.code < 400;
}

/** 4yz: the command failed but may succeed if repeated. */
export function isTransientNegative(reply: FtpReply): boolean {
  return reply.code >= 400 && reply.code < 500;
}

/** 5yz: the command failed and repeating it will not help. */
export function isPermanentNegative(reply: FtpReply): boolean {
  return reply.code >= 500 && reply.code < 600;
}

/** 4yz or 5yz. */
export function isNegative(reply: FtpReply): boolean {
  return reply.code >= 400;
}
