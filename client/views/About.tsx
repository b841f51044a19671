import "./about.css";
import { useTranslation } from "react-i18next";
import type { District } from "../../shared/network.js";
import { formatCount, placeName } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { useNetwork } from "../live/hooks.js";
import type { NetworkIndex } from "../live/network.js";
import { PanelState } from "../panels/PanelState.js";
import { getDemoStatus } from "../api/endpoints.js";
import { useRemote } from "../api/useRemote.js";
import { numberLocale } from "../i18n/format.js";
import { DATA_ATTRIBUTION, MIT_NOTICE } from "./notices.js";

/** What Nigrani is, where its data comes from, and what is synthetic. */
export default function About() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const network = useNetwork();
  const data = network.status === "ready" ? network.data : null;
  const generated = data?.generated;
  return (
    <article className="page about">
      <h1>{t("about.title")}</h1>
      <p className="about__lead">{t("about.intro")}</p>

      <section aria-labelledby="about-synthetic" className="about__callout">
        <h2 id="about-synthetic">{t("about.syntheticTitle")}</h2>
        <p>{t("about.synthetic")}</p>
        {generated && (
          <p>
            {t("about.generated", {
              seed: generated.seed,
              feeders: formatCount(generated.feeders, lng),
              consumers: formatCount(generated.consumers, lng),
            })}
          </p>
        )}
      </section>

      <DemoSection />

      <section aria-labelledby="about-sources">
        <h2 id="about-sources">{t("about.sourcesTitle")}</h2>
        <ul>
          <li>{t("about.sourceBoundaries")}</li>
          <li>{t("about.sourceHq")}</li>
          <li>{t("about.sourceDiscom")}</li>
        </ul>
      </section>

      <section aria-labelledby="about-unconfirmed">
        <h2 id="about-unconfirmed">{t("about.unconfirmedTitle")}</h2>
        <p>{t("about.unconfirmedNote")}</p>
        <PanelState
          loading={network.status === "loading"}
          error={network.status === "error" ? network.error : null}
        />
        {data && <UnconfirmedDistricts network={data} />}
      </section>

      <section aria-labelledby="about-attribution">
        <h2 id="about-attribution">{t("about.attributionTitle")}</h2>
        <p>{t("about.attributionNote")}</p>
        <blockquote className="about__attribution" lang="en">
          {DATA_ATTRIBUTION}
        </blockquote>
        <h3>{t("about.licenceTitle")}</h3>
        <pre className="about__licence" lang="en" tabIndex={0}>
          {MIT_NOTICE}
        </pre>
      </section>
    </article>
  );
}

/** Says whether this server simulates complaints and people, and what the history covers. */
function DemoSection() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const demo = useRemote("demo", (signal) => getDemoStatus(signal));
  const d = demo.data;
  const day = (iso: string) =>
    new Date(iso).toLocaleDateString(numberLocale(lng), {
      day: "numeric",
      month: "short",
      timeZone: "Asia/Kolkata",
    });
  return (
    <section aria-labelledby="about-demo" className="about__callout" data-testid="about-demo">
      <h2 id="about-demo">{t("about.demoTitle")}</h2>
      <p>{t("about.demo")}</p>
      {d && (
        <p>
          {d.simulator
            ? t("about.demoRunning", {
                rate: formatCount(d.ratePerHour, lng),
                speed: formatCount(d.speed, lng),
              })
            : t("about.demoOff")}
        </p>
      )}
      {d?.history && (
        <p>
          {t("about.demoHistory", {
            days: formatCount(d.history.days, lng),
            tickets: formatCount(d.history.tickets, lng),
            from: day(d.history.from),
            to: day(d.history.to),
          })}
        </p>
      )}
    </section>
  );
}

function UnconfirmedDistricts({ network }: { network: NetworkIndex }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const rows: District[] = network.districtList
    .filter((d) => d.discomConfidence !== "source")
    .sort((a, b) => a.state.localeCompare(b.state) || a.name.localeCompare(b.name));
  if (rows.length === 0) return <p>{t("about.unconfirmedNone")}</p>;
  return (
    <div className="about__table-wrap">
      <table className="about__table">
        <thead>
          <tr>
            <th scope="col">{t("about.colDistrict")}</th>
            <th scope="col">{t("about.colState")}</th>
            <th scope="col">{t("about.colDiscom")}</th>
            <th scope="col">{t("about.colConfidence")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <th scope="row">{placeName(d, lng)}</th>
              <td>{t(`about.state_${d.state}`)}</td>
              <td>{d.discom}</td>
              <td>{t(`about.confidence_${d.discomConfidence}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
