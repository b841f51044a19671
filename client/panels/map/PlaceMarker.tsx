import type { DivIcon } from "leaflet";
import type { ReactNode } from "react";
import { Marker, Tooltip } from "react-leaflet";
import type { Unit } from "../../../shared/network.js";

/**
 * A marker at a unit's place that a keyboard can reach and a screen reader can name
 * ("heading: name" as its title and alt text), with the map's tooltip above it, headed the same:
 * the outage, outage-group and planned-shutdown markers.
 */
export function PlaceMarker(props: {
  place: Unit;
  icon: DivIcon;
  heading: string;
  /** The place's name, the tooltip's second line (a group's heading already says where). */
  name?: string;
  /** Above the feeders; outages (1000) above planned shutdowns (900). */
  zIndexOffset: number;
  /** How far above the point the tooltip sits: half the icon's height. */
  lift: number;
  children?: ReactNode;
}) {
  const { place, icon, heading, name, zIndexOffset, lift, children } = props;
  const title = name === undefined ? heading : `${heading}: ${name}`;
  return (
    <Marker
      position={[place.lat, place.lon]}
      icon={icon}
      keyboard
      title={title}
      alt={title}
      zIndexOffset={zIndexOffset}
    >
      <Tooltip direction="top" offset={[0, -lift]} className="map-tooltip">
        <strong className="map-tooltip__title">{heading}</strong>
        {name !== undefined && <span className="map-tooltip__sub">{name}</span>}
        {children}
      </Tooltip>
    </Marker>
  );
}
