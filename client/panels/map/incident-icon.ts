/**
 * An unplanned outage's marker: a DOM marker whose rings pulse in CSS (still under reduced
 * motion). Its own module so the public outage page draws the same marker without the control
 * room's map layers.
 */
export const INCIDENT_ICON_HTML =
  '<span class="incident-marker__ring"></span><span class="incident-marker__ring incident-marker__ring--late"></span><span class="incident-marker__core">!</span>';
