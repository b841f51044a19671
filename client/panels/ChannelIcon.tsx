import type { ReactNode } from "react";
import type { Channel } from "../../shared/domain.js";

/**
 * A small monochrome pictogram per channel, drawn inline (no icon font, no emoji: kiosk machines
 * often lack both). Always shown next to the channel's name, never instead of it.
 */
const PATHS: Record<Channel, ReactNode> = {
  call_centre: (
    <path d="M4.5 2.5h2l1 3-1.5 1a8 8 0 0 0 3.5 3.5l1-1.5 3 1v2a1.5 1.5 0 0 1-1.5 1.5A10.5 10.5 0 0 1 3 4a1.5 1.5 0 0 1 1.5-1.5z" />
  ),
  whatsapp: (
    <>
      <path d="M8 2a6 6 0 0 0-5.2 9l-.8 3 3.1-.8A6 6 0 1 0 8 2z" />
      <path d="M6 6.2c.3 1.6 1.9 3.3 3.6 3.7" />
    </>
  ),
  x: <path d="M3 3l10 10M13 3L3 13" />,
  facebook: (
    <>
      <rect x="2.5" y="2.5" width="11" height="11" rx="2" />
      <path d="M10 5.5H9a1 1 0 0 0-1 1V13M6.5 8.5h3.5" />
    </>
  ),
  instagram: (
    <>
      <rect x="2.5" y="2.5" width="11" height="11" rx="3" />
      <circle cx="8" cy="8" r="2.5" />
      <circle cx="11.2" cy="4.8" r="0.4" />
    </>
  ),
  app: (
    <>
      <rect x="4.5" y="1.5" width="7" height="13" rx="1.5" />
      <path d="M7 12.5h2" />
    </>
  ),
  portal: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M2 8h12M8 2c2 2 2 10 0 12M8 2c-2 2-2 10 0 12" />
    </>
  ),
  open311: (
    <path d="M6 2.5c-1.5 0-2 .7-2 2v1.5c0 1-.5 2-1.5 2 1 0 1.5 1 1.5 2v1.5c0 1.3.5 2 2 2M10 2.5c1.5 0 2 .7 2 2v1.5c0 1 .5 2 1.5 2-1 0-1.5 1-1.5 2v1.5c0 1.3-.5 2-2 2" />
  ),
  officer_phone: (
    <>
      <rect x="4.5" y="1.5" width="7" height="13" rx="1.5" />
      <path d="M8 5l.8 1.6 1.7.2-1.2 1.2.3 1.7L8 8.9l-1.6.8.3-1.7-1.2-1.2 1.7-.2z" />
    </>
  ),
  walk_in: (
    <>
      <circle cx="8" cy="3.5" r="1.5" />
      <path d="M8 6v4l-2 4M8 10l2 4M5.5 8h5" />
    </>
  ),
};

export function ChannelIcon({ channel }: { channel: Channel }) {
  return (
    <svg
      className="channel-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[channel]}
    </svg>
  );
}
