import "./panels.css";
import { useTranslation } from "react-i18next";

/** The loading and error lines every panel shows the same way. */
export function PanelState({ loading, error }: { loading: boolean; error?: string | null }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <p className="panel-state panel-state--error" role="alert">
        {t("panel.error", { message: error })} {t("panel.retrying")}
      </p>
    );
  }
  if (loading) return <p className="panel-state">{t("panel.loading")}</p>;
  return null;
}
