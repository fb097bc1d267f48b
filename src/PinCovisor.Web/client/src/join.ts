// /join: the customer experience as a page of its own. /join?pin=482917 (the SMS link) fills the
// PIN in and joins; /join?device=… is the second-device link from "Continue on your phone";
// /join?invite=… is the link an agent sends by WhatsApp or SMS into that conversation's session.

import { createCustomerApp } from "./customer/app";
import { t } from "./customer/text";
import { lang, onLangChange } from "./shared/i18n";

const params = new URLSearchParams(location.search);
const pin = params.get("pin");
const device = params.get("device");
const invite = params.get("invite");
if (pin || device || invite) {
  // A PIN or device code is single use: keep it out of the address bar, history and a reload.
  params.delete("pin");
  params.delete("device");
  params.delete("invite");
  const rest = params.toString();
  history.replaceState(null, "", location.pathname + (rest ? `?${rest}` : ""));
}

const app = createCustomerApp({
  baseUrl: "",
  onStateChange: () => window.scrollTo({ top: 0 }),
});
const mount = document.getElementById("pc-root") ?? document.body;
mount.replaceChildren(app.element);

function applyLang(): void {
  document.documentElement.lang = lang();
  document.title = `${t("title")} · PhoneBridge`;
}
applyLang();
onLangChange(applyLang);

app.start({ pin, device, invite });
if (app.state === "pin") app.focus();
