// Styles of the working screens: the grouped checklist with its autosaving rows, the sortable
// paged tables, record pages and the navigation that folds into a menu on phones.
#include "web/layout.h"

namespace anzen::web {

const std::string& screens_stylesheet() {
  static const std::string css = R"(
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
main{max-width:1320px}
@media (min-width:901px){header.top{flex-wrap:nowrap;gap:10px}}
header.top nav.wide{flex-wrap:nowrap;gap:4px 12px;white-space:nowrap;font-size:.95rem}
header.top .who,header.top>a{white-space:nowrap}header.top .who{font-size:.8rem}
header.top form.inline button{padding:2px 10px;font-size:.9rem;white-space:nowrap}
.filters select{max-width:22rem}
details.menu{display:none}
details.menu>summary{cursor:pointer;list-style:none;border:1px solid #fff6;border-radius:6px;padding:2px 10px}
details.menu>summary::-webkit-details-marker{display:none}
details.menu nav{display:flex;flex-direction:column;gap:2px;padding:8px 0}
details.menu nav a{padding:6px 4px;border-bottom:1px solid #ffffff22}
@media (max-width:1100px){header.top nav.wide{gap:4px 9px;font-size:.92rem}}
/* 1280-1399 px: one compact row (the logout button stays inside the header); 901-1279 px: the
   links wrap inside the navigation instead of pushing the button out. A long name is cut. */
header.top .who{min-width:0;overflow:hidden;text-overflow:ellipsis;max-width:14rem}
@media (min-width:901px) and (max-width:1279px){header.top nav.wide{flex-wrap:wrap}}
@media (min-width:1280px) and (max-width:1399px){header.top{gap:8px;padding:8px 12px}header.top .brand{font-size:1rem;margin-right:4px}header.top nav.wide{gap:4px 9px;font-size:.86rem}header.top .who{font-size:.75rem}header.top form.inline button{padding:2px 8px;font-size:.85rem}}
@media (max-width:900px){header.top nav.wide{display:none}details.menu{display:block;order:5;width:100%}header.top .who{display:none}}
.table-wrap{overflow-x:auto}
th a.sort{color:inherit;text-decoration:none;white-space:nowrap}th a.sort:hover{text-decoration:underline}
.pager{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:8px 0}
.pager a,.pager strong{padding:2px 8px;border:1px solid var(--line);border-radius:6px;text-decoration:none}
.pager strong{background:var(--accent);color:#fff;border-color:var(--accent)}
.checklist{margin-top:8px}
details.chapter{border:1px solid var(--line);border-radius:8px;margin:8px 0}
details.chapter>summary{cursor:pointer;padding:8px 12px;background:var(--soft);border-radius:8px;display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center}
details.chapter[open]>summary{border-radius:8px 8px 0 0}
details.chapter .ch-title{font-weight:700;flex:1;min-width:14rem}
.progress{font-size:.9rem;color:var(--muted);white-space:nowrap}.progress progress{width:7rem;vertical-align:middle}
.item-title{font-size:.95rem;margin:12px 8px 2px;color:#24292f}
.qhead,.qrow{display:grid;grid-template-columns:6.5rem minmax(16rem,1fr) 9rem 7.5rem 8rem 9.5rem 6rem;grid-template-areas:"id text st mat ow du sv";gap:4px 8px;align-items:start;padding:6px 8px;border-bottom:1px solid var(--line)}
.qhead{position:sticky;top:0;z-index:2;background:#eef1f4;font-weight:600;font-size:.9rem}
.qhead>div:nth-child(1){grid-area:id}.qhead>div:nth-child(2){grid-area:text}.qhead>div:nth-child(3){grid-area:st}.qhead>div:nth-child(4){grid-area:mat}
.qhead>div:nth-child(5){grid-area:ow}.qhead>div:nth-child(6){grid-area:du}.qhead>div:nth-child(7){grid-area:sv}
.q-id{grid-area:id;white-space:nowrap}.q-text{grid-area:text}.q-status{grid-area:st}.q-mat{grid-area:mat}.q-owner{grid-area:ow}.q-due{grid-area:du}.q-save{grid-area:sv}
.qrow select,.qrow input[type=text],.qrow input[type=date]{width:100%;padding:4px 6px}
.qrow input.na{margin-top:4px}
.qrow .row-error{grid-column:1/-1;margin:0;padding:4px 8px;border-radius:6px;background:#ffebe9;color:#8c1018}
.qrow.has-error{background:#fff5f4}
.qrow.autosave .row-save{display:none}
.row-state{font-size:.85rem;margin-left:4px}.row-state.saved{color:var(--ok)}.row-state.failed{color:var(--bad);font-weight:700}.row-state.saving{color:var(--muted)}
.rec{color:var(--muted)}
@media (max-width:1000px){
.qhead{display:none}
.qrow{grid-template-columns:repeat(4,minmax(0,1fr));grid-template-areas:"id text text text" "st mat ow du" "sv sv sv sv"}
}
@media (max-width:560px){.qrow{grid-template-columns:1fr 1fr;grid-template-areas:"id id" "text text" "st mat" "ow du" "sv sv"}}
dl.record{display:grid;grid-template-columns:minmax(10rem,max-content) 1fr;gap:4px 16px}dl.record dt{font-weight:600;color:var(--muted)}dl.record dd{margin:0}
label.check{display:inline-block;font-weight:400;margin-right:14px}
fieldset{border:1px solid var(--line);border-radius:6px;margin:8px 0}
.field-error{color:#8c1018;background:#ffebe9;padding:2px 8px;border-radius:6px;margin:4px 0}
.form-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:0 16px}
.form-grid input,.form-grid select{width:100%}
table.timeline td.when{white-space:nowrap;width:1%}table.timeline td.who{overflow-wrap:anywhere}
#audit-table td:nth-child(2){white-space:nowrap}.audit-action{font-weight:600}ul.diff .field{color:var(--muted)}
button.danger,.button.danger{background:var(--bad);border-color:#a40e26;color:#fff}
)";
  return css;
}

}  // namespace anzen::web
