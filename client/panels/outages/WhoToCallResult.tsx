import { forwardRef } from "react";
import { useTranslation } from "react-i18next";
import type { PublicOfficer, WhoToCall } from "../../../shared/public.js";
import type { Language } from "../../i18n/index.js";
import { formatIst } from "../tickets/format.js";
import { shortPlace } from "./search.js";

export interface WhoToCallResultProps {
  answer: WhoToCall;
  lng: Language;
}

/** The consumer's area and whom to call, the published numbers as tap-to-call links. */
export const WhoToCallResult = forwardRef<HTMLDivElement, WhoToCallResultProps>(
  function WhoToCallResult({ answer: a, lng }, ref) {
    const { t } = useTranslation("public");
    const places: [string, { en: string; hi: string } | undefined][] = [
      [t("call.feeder"), a.feeder?.name],
      [t("call.substation"), a.substation?.name],
      [t("call.subdivision"), a.subdivision?.name],
      [t("call.district"), a.district?.name],
    ];
    return (
      <div className="call-result" ref={ref} tabIndex={-1} data-testid="call-result">
        <h3 className="call-result__title">{t("call.result")}</h3>
        {a.outage && (
          <p className="call-result__outage" role="status">
            {t("call.outageNow", { time: formatIst(a.outage.since, lng) })}{" "}
            {a.outage.expectedRestorationAt &&
              t("call.outageBack", { time: formatIst(a.outage.expectedRestorationAt, lng) })}
          </p>
        )}
        <dl className="call-result__places">
          {places
            .filter(([, name]) => name)
            .map(([label, name]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{shortPlace(name![lng])}</dd>
              </div>
            ))}
        </dl>
        {a.precision === "district" && (
          <p className="call-result__note">{t("call.districtOnly")}</p>
        )}
        {a.precision === "subdivision" && (
          <p className="call-result__note">{t("call.subdivisionOnly")}</p>
        )}
        <ul className="call-result__contacts">
          {a.officers.map((o) => (
            <OfficerContact key={o.role} officer={o} lng={lng} />
          ))}
          {a.fuseCall && (
            <li className="call-contact">
              <span className="call-contact__who">
                {t("call.fuseCall", { unit: shortPlace(a.fuseCall.unit[lng]) })}
              </span>
              <a
                className="call-contact__phone"
                href={`tel:${a.fuseCall.phone.replace(/[\s-]/g, "")}`}
              >
                {a.fuseCall.phone}
              </a>
            </li>
          )}
          <li className="call-contact call-contact--helpline">
            <span className="call-contact__who">{t("call.helpline")}</span>
            <a className="call-contact__phone" href={`tel:${a.helpline}`}>
              {a.helpline}
            </a>
          </li>
        </ul>
        <p className="call-result__privacy">{t("call.privacy")}</p>
      </div>
    );
  },
);

function OfficerContact({ officer: o, lng }: { officer: PublicOfficer; lng: Language }) {
  const { t } = useTranslation("public");
  return (
    <li className="call-contact" data-role={o.role}>
      <span className="call-contact__who">
        <strong>{o.title[lng]}</strong> ({o.role.toUpperCase()}) · {o.name[lng]}
      </span>
      {o.phone ? (
        <a className="call-contact__phone" href={`tel:${o.phone}`}>
          {o.phone}
        </a>
      ) : (
        <span className="call-contact__none">{t("call.officerNumberNotPublic")}</span>
      )}
    </li>
  );
}
