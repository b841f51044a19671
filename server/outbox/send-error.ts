/**
 * A failed send. `permanent` means sending the same message again cannot succeed (the recipient
 * is not on the channel, the window closed, the template does not exist): the dispatcher marks the
 * row failed at once with this message as the reason, instead of retrying it for hours.
 */
export class SendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
