// The public pages' one stylesheet, served at /site.css?v=<hash> (see site-assets.ts). Kept as a string in a module so
// the compiled server finds it wherever it runs. Mobile first (readable at 360 px), system fonts, no framework.
export const SITE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d2b24;background:#f6f8f7;display:flex;flex-direction:column;min-height:100vh}
main{flex:1;outline:none}
a{color:#0a5c42}
a:hover{text-decoration-thickness:2px}
h1,h2,h3{line-height:1.25;margin:0 0 .5rem}
h1{font-size:1.6rem}
h2{font-size:1.2rem}
img{max-width:100%;height:auto;display:block}
.wrap{max-width:72rem;margin:0 auto;padding:0 .75rem}
.narrow{max-width:44rem;padding-top:1.5rem;padding-bottom:1.5rem}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem;z-index:10}
.top{background:#fff;border-bottom:1px solid #e3e8e5}
.bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem .75rem;padding-top:.5rem;padding-bottom:.5rem}
.brand{display:flex;align-items:center;gap:.5rem;text-decoration:none;color:#0b4f39}
.brand span{display:flex;flex-direction:column;line-height:1.15}
.brand small{color:#55645c;font-size:.75rem}
.top nav{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;font-weight:600;font-size:.95rem}
.button{display:inline-block;background:#0b6e4f;color:#fff;border-radius:.4rem;padding:.3rem .7rem;text-decoration:none;border:0;font:inherit;font-weight:600;cursor:pointer}
.button:hover{background:#095a40}
.foot{background:#0f2a20;color:#e6efe9;margin-top:2rem;padding:1rem 0;font-size:.9rem}
.foot a{color:#bfe6d3}
.hero{background:#0b6e4f;color:#fff;padding:1.25rem 0}
.hero p{color:#e3f3ea;margin:.25rem 0 0;max-width:40rem}
.filters{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;margin:1rem 0}
.filters .q{grid-column:1/-1}
.filters label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600;gap:.2rem}
input,select{font:inherit;font-weight:400;padding:.45rem .5rem;border:1px solid #9aa8a0;border-radius:.4rem;background:#fff;min-width:0;width:100%}
.filters .actions{display:flex;align-items:flex-end;gap:.5rem}
.muted{color:#55645c}
.count{font-weight:700;margin:.5rem 0}
.cards{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:1fr 1fr;gap:.6rem}
.card{background:#fff;border:1px solid #e0e6e2;border-radius:.6rem;overflow:hidden;display:flex;flex-direction:column}
.card a.title{font-weight:700;text-decoration:none;color:#14392b}
.card a.title::after{content:"";position:absolute;inset:0}
.card .body{padding:.5rem .6rem .7rem;position:relative;display:flex;flex-direction:column;gap:.15rem;font-size:.9rem}
.thumb{aspect-ratio:4/3;object-fit:cover;width:100%;background:#eef2f0}
.stars{color:#c98400;letter-spacing:.05em;white-space:nowrap}
.stars .off{color:#cfd5db}
.stars.none{color:#55645c;letter-spacing:0;font-size:.85rem}
.tag{display:inline-block;font-size:.8rem;background:#e6f3ec;color:#0f5130;border-radius:1rem;padding:0 .5rem}
.pager{display:flex;justify-content:space-between;align-items:center;gap:.5rem;margin:1rem 0;flex-wrap:wrap}
.crumbs{font-size:.9rem;margin:.75rem 0}
.product{display:grid;gap:1rem;margin-top:.5rem}
.photo{border-radius:.6rem;overflow:hidden;background:#fff;border:1px solid #e0e6e2}
.facts{display:grid;grid-template-columns:1fr;gap:.6rem;background:#fff;border:1px solid #e0e6e2;border-radius:.6rem;padding:.75rem;margin:0}
.facts dt{font-size:.75rem;text-transform:uppercase;font-weight:700;color:#55645c;letter-spacing:.03em}
.facts dd{margin:0}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.text{white-space:pre-line}
.cert{border-radius:.6rem;padding:.75rem;border:2px solid;border-left-width:.6rem;margin:.75rem 0}
.cert p{margin:.2rem 0}
.cert .big{font-size:1.5rem;font-weight:800;line-height:1.2}
.valid{background:#e6f6ec;border-color:#1f8a4c;color:#0f5130}
.expired{background:#fff3e0;border-color:#c56a00;color:#6b3a00}
.revoked{background:#fdeaea;border-color:#c62828;color:#7a1414}
.replaced{background:#eef0f3;border-color:#5f6b7a;color:#2f3945}
.badge{display:inline-block;font-size:.8rem;font-weight:600;border-radius:1rem;padding:0 .5rem;border:1px solid}
.rows{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
.rows li{background:#fff;border:1px solid #e0e6e2;border-radius:.6rem;padding:.6rem .75rem;display:grid;gap:.2rem}
.trace-head{padding-top:1rem}
.journey{display:grid;gap:1rem}
.timeline{list-style:none;margin:0;padding:0 0 0 1rem;border-left:3px solid #9fd3b5;display:grid;gap:.6rem}
.timeline li{position:relative;background:#fff;border:1px solid #e0e6e2;border-radius:.6rem;padding:.5rem .7rem}
.timeline li::before{content:"";position:absolute;left:-1.45rem;top:.8rem;width:.7rem;height:.7rem;border-radius:50%;background:#0b6e4f;border:2px solid #fff}
.map-box{margin:0;max-width:16rem}
.map{width:100%;height:auto;background:#f0f6f8;border-radius:.6rem}
textarea{font:inherit;padding:.45rem .5rem;border:1px solid #9aa8a0;border-radius:.4rem;width:100%}
.report{display:grid;gap:.35rem;max-width:36rem}
.report .button,.inline-form .button{justify-self:start;margin-top:.25rem}
.inline-form{display:flex;gap:.5rem;max-width:28rem}
.small{font-size:.85rem}
.sr,.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
.notice{padding:.5rem .75rem;border-radius:.4rem;font-weight:600}
.notice.ok{background:#e6f6ec;color:#0f5130}
.notice.bad{background:#fdeaea;color:#7a1414}
.prose{line-height:1.65}
.prose ul,.prose ol{padding-left:1.25rem}
.prose blockquote{margin:.75rem 0;padding:.25rem .75rem;border-left:4px solid #9fd3b5;background:#fff}
.lead{font-size:1.1rem;color:#34463c}
.article figure{margin:1rem 0}
.qr{max-width:10rem;background:#fff;border:1px solid #e0e6e2;border-radius:.6rem;padding:.25rem}
.qr svg{display:block;width:100%;height:auto}
@media (min-width:40rem){
  .journey{grid-template-columns:2fr 1fr}
  h1{font-size:2rem}
  .filters{grid-template-columns:repeat(3,1fr)}
  .cards{grid-template-columns:repeat(3,1fr);gap:1rem}
  .facts{grid-template-columns:1fr 1fr}
  .rows li{grid-template-columns:1fr auto}
}
@media (min-width:60rem){
  .filters{grid-template-columns:2fr repeat(5,1fr) auto}
  .filters .q{grid-column:auto}
  .cards{grid-template-columns:repeat(4,1fr)}
  .product{grid-template-columns:1fr 1fr;gap:2rem}
}
`;
