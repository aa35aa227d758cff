import { type FastifyBaseLogger, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pretty from 'pino-pretty';
import type { Config } from '../config';

type LogConfig = Pick<Config, 'logLevel' | 'logFormat'>;

/** Where log lines go: stdout, or a test's stream. */
export interface LogOutput extends NodeJS.WritableStream {
  isTTY?: boolean;
}

/**
 * Readable lines (pino-pretty) on a terminal, one JSON object per line otherwise (a file, a pipe,
 * a log collector); LOG_FORMAT=json or pretty says which regardless.
 */
export function loggerOptions(config: LogConfig, output: LogOutput = process.stdout) {
  if (config.logLevel === 'silent') return false;
  const readable = config.logFormat === 'pretty' || (config.logFormat === 'auto' && output.isTTY === true);
  const stream = readable
    ? pretty({
        colorize: output.isTTY === true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname',
        destination: output,
        sync: true,
      })
    : output;
  return { level: config.logLevel, stream };
}

/**
 * Request lines: a 5xx answer is an error, a slow one (LOG_SLOW_REQUEST_MS) is logged at info,
 * every other request only at debug, so `info` shows what needs a look and not every page view.
 * The error itself, with its stack, is logged once by the error handler; this line adds the
 * request, the status and the time.
 */
export class RequestLog extends LogController {
  constructor(private readonly slowMs: number) {
    super();
  }

  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const responseTime = Math.round(reply.elapsedTime);
    const line = { req: request, res: reply, responseTime };
    const log: FastifyBaseLogger = reply.log;
    if (error || reply.statusCode >= 500) log.error(line, `request failed: ${reply.statusCode}`);
    else if (responseTime >= this.slowMs) log.info(line, `slow request: ${responseTime} ms`);
    else log.debug(line, 'request completed');
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'route not found');
  }
}
