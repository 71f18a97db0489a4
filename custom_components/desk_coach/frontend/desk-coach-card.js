/* Desk Coach card 0.1.0: built from frontend/src by `npm run build`; do not edit. */
var F=globalThis,K=F.ShadowRoot&&(F.ShadyCSS===void 0||F.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,oe=Symbol(),ze=new WeakMap,M=class{constructor(e,t,n){if(this._$cssResult$=!0,n!==oe)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(K&&e===void 0){let n=t!==void 0&&t.length===1;n&&(e=ze.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&ze.set(t,e))}return e}toString(){return this.cssText}},He=s=>new M(typeof s=="string"?s:s+"",void 0,oe),ae=(s,...e)=>{let t=s.length===1?s[0]:e.reduce((n,i,r)=>n+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+s[r+1],s[0]);return new M(t,s,oe)},Me=(s,e)=>{if(K)s.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let n=document.createElement("style"),i=F.litNonce;i!==void 0&&n.setAttribute("nonce",i),n.textContent=t.cssText,s.appendChild(n)}},de=K?s=>s:s=>s instanceof CSSStyleSheet?(e=>{let t="";for(let n of e.cssRules)t+=n.cssText;return He(t)})(s):s;var{is:Tt,defineProperty:Rt,getOwnPropertyDescriptor:Pt,getOwnPropertyNames:zt,getOwnPropertySymbols:Ht,getPrototypeOf:Mt}=Object,W=globalThis,Ne=W.trustedTypes,Nt=Ne?Ne.emptyScript:"",Lt=W.reactiveElementPolyfillSupport,N=(s,e)=>s,ce={toAttribute(s,e){switch(e){case Boolean:s=s?Nt:null;break;case Object:case Array:s=s==null?s:JSON.stringify(s)}return s},fromAttribute(s,e){let t=s;switch(e){case Boolean:t=s!==null;break;case Number:t=s===null?null:Number(s);break;case Object:case Array:try{t=JSON.parse(s)}catch{t=null}}return t}},Ie=(s,e)=>!Tt(s,e),Le={attribute:!0,type:String,converter:ce,reflect:!1,useDefault:!1,hasChanged:Ie};Symbol.metadata??=Symbol("metadata"),W.litPropertyMetadata??=new WeakMap;var w=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Le){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),i=this.getPropertyDescriptor(e,n,t);i!==void 0&&Rt(this.prototype,e,i)}}static getPropertyDescriptor(e,t,n){let{get:i,set:r}=Pt(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:i,set(o){let c=i?.call(this);r?.call(this,o),this.requestUpdate(e,c,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Le}static _$Ei(){if(this.hasOwnProperty(N("elementProperties")))return;let e=Mt(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(N("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(N("properties"))){let t=this.properties,n=[...zt(t),...Ht(t)];for(let i of n)this.createProperty(i,t[i])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[n,i]of t)this.elementProperties.set(n,i)}this._$Eh=new Map;for(let[t,n]of this.elementProperties){let i=this._$Eu(t,n);i!==void 0&&this._$Eh.set(i,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let i of n)t.unshift(de(i))}else e!==void 0&&t.push(de(e));return t}static _$Eu(e,t){let n=t.attribute;return n===!1?void 0:typeof n=="string"?n:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Me(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),i=this.constructor._$Eu(e,n);if(i!==void 0&&n.reflect===!0){let r=(n.converter?.toAttribute!==void 0?n.converter:ce).toAttribute(t,n.type);this._$Em=e,r==null?this.removeAttribute(i):this.setAttribute(i,r),this._$Em=null}}_$AK(e,t){let n=this.constructor,i=n._$Eh.get(e);if(i!==void 0&&this._$Em!==i){let r=n.getPropertyOptions(i),o=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:ce;this._$Em=i;let c=o.fromAttribute(t,r.type);this[i]=c??this._$Ej?.get(i)??c,this._$Em=null}}requestUpdate(e,t,n,i=!1,r){if(e!==void 0){let o=this.constructor;if(i===!1&&(r=this[e]),n??=o.getPropertyOptions(e),!((n.hasChanged??Ie)(r,t)||n.useDefault&&n.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,n))))return;this.C(e,t,n)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:i,wrapped:r},o){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),r!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),i===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,r]of this._$Ep)this[i]=r;this._$Ep=void 0}let n=this.constructor.elementProperties;if(n.size>0)for(let[i,r]of n){let{wrapped:o}=r,c=this[i];o!==!0||this._$AL.has(i)||c===void 0||this.C(i,void 0,r,c)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(n=>n.hostUpdate?.()),this.update(t)):this._$EM()}catch(n){throw e=!1,this._$EM(),n}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};w.elementStyles=[],w.shadowRootOptions={mode:"open"},w[N("elementProperties")]=new Map,w[N("finalized")]=new Map,Lt?.({ReactiveElement:w}),(W.reactiveElementVersions??=[]).push("2.1.2");var fe=globalThis,Oe=s=>s,q=fe.trustedTypes,Ue=q?q.createPolicy("lit-html",{createHTML:s=>s}):void 0,We="$lit$",k=`lit$${Math.random().toFixed(9).slice(2)}$`,qe="?"+k,It=`<${qe}>`,D=document,I=()=>D.createComment(""),O=s=>s===null||typeof s!="object"&&typeof s!="function",_e=Array.isArray,Ot=s=>_e(s)||typeof s?.[Symbol.iterator]=="function",le=`[ 	
\f\r]`,L=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Ve=/-->/g,Be=/>/g,E=RegExp(`>|${le}(?:([^\\s"'>=/]+)(${le}*=${le}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),je=/'/g,Fe=/"/g,Ye=/^(?:script|style|textarea|title)$/i,ye=s=>(e,...t)=>({_$litType$:s,strings:e,values:t}),h=ye(1),Ze=ye(2),$n=ye(3),$=Symbol.for("lit-noChange"),d=Symbol.for("lit-nothing"),Ke=new WeakMap,C=D.createTreeWalker(D,129);function Ge(s,e){if(!_e(s)||!s.hasOwnProperty("raw"))throw Error("invalid template strings array");return Ue!==void 0?Ue.createHTML(e):e}var Ut=(s,e)=>{let t=s.length-1,n=[],i,r=e===2?"<svg>":e===3?"<math>":"",o=L;for(let c=0;c<t;c++){let a=s[c],u,p,l=-1,f=0;for(;f<a.length&&(o.lastIndex=f,p=o.exec(a),p!==null);)f=o.lastIndex,o===L?p[1]==="!--"?o=Ve:p[1]!==void 0?o=Be:p[2]!==void 0?(Ye.test(p[2])&&(i=RegExp("</"+p[2],"g")),o=E):p[3]!==void 0&&(o=E):o===E?p[0]===">"?(o=i??L,l=-1):p[1]===void 0?l=-2:(l=o.lastIndex-p[2].length,u=p[1],o=p[3]===void 0?E:p[3]==='"'?Fe:je):o===Fe||o===je?o=E:o===Ve||o===Be?o=L:(o=E,i=void 0);let g=o===E&&s[c+1].startsWith("/>")?" ":"";r+=o===L?a+It:l>=0?(n.push(u),a.slice(0,l)+We+a.slice(l)+k+g):a+k+(l===-2?c:g)}return[Ge(s,r+(s[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),n]},U=class s{constructor({strings:e,_$litType$:t},n){let i;this.parts=[];let r=0,o=0,c=e.length-1,a=this.parts,[u,p]=Ut(e,t);if(this.el=s.createElement(u,n),C.currentNode=this.el.content,t===2||t===3){let l=this.el.content.firstChild;l.replaceWith(...l.childNodes)}for(;(i=C.nextNode())!==null&&a.length<c;){if(i.nodeType===1){if(i.hasAttributes())for(let l of i.getAttributeNames())if(l.endsWith(We)){let f=p[o++],g=i.getAttribute(l).split(k),b=/([.?@])?(.*)/.exec(f);a.push({type:1,index:r,name:b[2],strings:g,ctor:b[1]==="."?he:b[1]==="?"?pe:b[1]==="@"?ge:R}),i.removeAttribute(l)}else l.startsWith(k)&&(a.push({type:6,index:r}),i.removeAttribute(l));if(Ye.test(i.tagName)){let l=i.textContent.split(k),f=l.length-1;if(f>0){i.textContent=q?q.emptyScript:"";for(let g=0;g<f;g++)i.append(l[g],I()),C.nextNode(),a.push({type:2,index:++r});i.append(l[f],I())}}}else if(i.nodeType===8)if(i.data===qe)a.push({type:2,index:r});else{let l=-1;for(;(l=i.data.indexOf(k,l+1))!==-1;)a.push({type:7,index:r}),l+=k.length-1}r++}}static createElement(e,t){let n=D.createElement("template");return n.innerHTML=e,n}};function T(s,e,t=s,n){if(e===$)return e;let i=n!==void 0?t._$Co?.[n]:t._$Cl,r=O(e)?void 0:e._$litDirective$;return i?.constructor!==r&&(i?._$AO?.(!1),r===void 0?i=void 0:(i=new r(s),i._$AT(s,t,n)),n!==void 0?(t._$Co??=[])[n]=i:t._$Cl=i),i!==void 0&&(e=T(s,i._$AS(s,e.values),i,n)),e}var ue=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,i=(e?.creationScope??D).importNode(t,!0);C.currentNode=i;let r=C.nextNode(),o=0,c=0,a=n[0];for(;a!==void 0;){if(o===a.index){let u;a.type===2?u=new V(r,r.nextSibling,this,e):a.type===1?u=new a.ctor(r,a.name,a.strings,this,e):a.type===6&&(u=new me(r,this,e)),this._$AV.push(u),a=n[++c]}o!==a?.index&&(r=C.nextNode(),o++)}return C.currentNode=D,i}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings!==void 0?(n._$AI(e,n,t),t+=n.strings.length-2):n._$AI(e[t])),t++}},V=class s{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,i){this.type=2,this._$AH=d,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=T(this,e,t),O(e)?e===d||e==null||e===""?(this._$AH!==d&&this._$AR(),this._$AH=d):e!==this._$AH&&e!==$&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Ot(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==d&&O(this._$AH)?this._$AA.nextSibling.data=e:this.T(D.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,i=typeof n=="number"?this._$AC(e):(n.el===void 0&&(n.el=U.createElement(Ge(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===i)this._$AH.p(t);else{let r=new ue(i,this),o=r.u(this.options);r.p(t),this.T(o),this._$AH=r}}_$AC(e){let t=Ke.get(e.strings);return t===void 0&&Ke.set(e.strings,t=new U(e)),t}k(e){_e(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,n,i=0;for(let r of e)i===t.length?t.push(n=new s(this.O(I()),this.O(I()),this,this.options)):n=t[i],n._$AI(r),i++;i<t.length&&(this._$AR(n&&n._$AB.nextSibling,i),t.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let n=Oe(e).nextSibling;Oe(e).remove(),e=n}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},R=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,i,r){this.type=1,this._$AH=d,this._$AN=void 0,this.element=e,this.name=t,this._$AM=i,this.options=r,n.length>2||n[0]!==""||n[1]!==""?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=d}_$AI(e,t=this,n,i){let r=this.strings,o=!1;if(r===void 0)e=T(this,e,t,0),o=!O(e)||e!==this._$AH&&e!==$,o&&(this._$AH=e);else{let c=e,a,u;for(e=r[0],a=0;a<r.length-1;a++)u=T(this,c[n+a],t,a),u===$&&(u=this._$AH[a]),o||=!O(u)||u!==this._$AH[a],u===d?e=d:e!==d&&(e+=(u??"")+r[a+1]),this._$AH[a]=u}o&&!i&&this.j(e)}j(e){e===d?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},he=class extends R{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===d?void 0:e}},pe=class extends R{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==d)}},ge=class extends R{constructor(e,t,n,i,r){super(e,t,n,i,r),this.type=5}_$AI(e,t=this){if((e=T(this,e,t,0)??d)===$)return;let n=this._$AH,i=e===d&&n!==d||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,r=e!==d&&(n===d||i);i&&this.element.removeEventListener(this.name,this,n),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},me=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){T(this,e)}};var Vt=fe.litHtmlPolyfillSupport;Vt?.(U,V),(fe.litHtmlVersions??=[]).push("3.3.3");var Je=(s,e,t)=>{let n=t?.renderBefore??e,i=n._$litPart$;if(i===void 0){let r=t?.renderBefore??null;n._$litPart$=i=new V(e.insertBefore(I(),r),r,void 0,t??{})}return i._$AI(s),i};var be=globalThis,v=class extends w{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Je(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return $}};v._$litElement$=!0,v.finalized=!0,be.litElementHydrateSupport?.({LitElement:v});var Bt=be.litElementPolyfillSupport;Bt?.({LitElement:v});(be.litElementVersions??=[]).push("4.2.2");var Qe={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},Xe=s=>(...e)=>({_$litDirective$:s,values:e}),Y=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,n){this._$Ct=e,this._$AM=t,this._$Ci=n}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var et="important",jt=" !"+et,tt=Xe(class extends Y{constructor(s){if(super(s),s.type!==Qe.ATTRIBUTE||s.name!=="style"||s.strings?.length>2)throw Error("The `styleMap` directive must be used in the `style` attribute and must be the only part in the attribute.")}render(s){return Object.keys(s).reduce((e,t)=>{let n=s[t];return n==null?e:e+`${t=t.includes("-")?t:t.replace(/(?:^(webkit|moz|ms|o)|)(?=[A-Z])/g,"-$&").toLowerCase()}:${n};`},"")}update(s,[e]){let{style:t}=s.element;if(this.ft===void 0)return this.ft=new Set(Object.keys(e)),this.render(e);for(let n of this.ft)e[n]==null&&(this.ft.delete(n),n.includes("-")?t.removeProperty(n):t[n]=null);for(let n in e){let i=e[n];if(i!=null){this.ft.add(n);let r=typeof i=="string"&&i.endsWith(jt);n.includes("-")||r?t.setProperty(n,r?i.slice(0,-11):i,r?et:""):t[n]=i}}return $}});var P="desk_coach",Ft={next_break:["sensor","next_break"],sitting_since:["sensor","sitting_since"],break_status:["sensor","break_status"],sitting_today:["sensor","sitting_today"],longest_stretch:["sensor","longest_stretch_today"],breaks_taken:["sensor","breaks_taken_today"],breaks_skipped:["sensor","breaks_skipped_today"],breaks_missed:["sensor","breaks_missed_today"],breaks_proven:["sensor","breaks_proven_today"],standing_today:["sensor","standing_today"],compliance:["sensor","break_compliance_today"],routine:["sensor","routine"],break_interval:["number","break_interval"],strength_level:["sensor","strength_level"],next_strength_session:["sensor","next_strength_session"],strength_programme:["switch","strength_programme"]};function Kt(s){let e=new Set;for(let t of Object.values(s.entities??{}))t?.platform===P&&t.device_id&&e.add(t.device_id);return e}function ve(s){return s.name_by_user||s.name||s.id}function Z(s){return typeof s=="string"&&s!==""}function Wt(s){return Z(s.config_entry_id)?s.config_entry_id:Z(s.primary_config_entry)?s.primary_config_entry:(Array.isArray(s.config_entries)?s.config_entries:[]).find(Z)}function qt(s,e){return Z(s.config_entry_id)?s.config_entry_id===e:Array.isArray(s.config_entries)&&s.config_entries.includes(e)}function we(s){let e=Kt(s);return Object.values(s.devices??{}).filter(t=>!!t&&e.has(t.id)).sort((t,n)=>ve(t).localeCompare(ve(n)))}function G(s,e){let t=we(s),n=e.device_id?t.find(o=>o.id===e.device_id):e.entry_id?t.find(o=>qt(o,e.entry_id)):void 0;if(!n)return;let i=new Map;for(let o of Object.values(s.entities))o?.device_id!==n.id||o.platform!==P||!o.translation_key||i.set(`${o.entity_id.split(".")[0]}.${o.translation_key}`,o.entity_id);let r={};for(let[o,[c,a]]of Object.entries(Ft)){let u=i.get(`${c}.${a}`);u&&(r[o]=u)}return{deviceId:n.id,entryId:Wt(n),name:ve(n),entities:r}}function nt(s,e,t){s.get(e)||s.define(e,t)}function J(s,e){let t=window.customElements;nt(t,s,e);let n=0,i=setInterval(()=>{n+=100;let r=window.customElements;r!==t?(nt(r,s,e),clearInterval(i)):n>=3e4&&clearInterval(i)},100)}var $e={card_name:"Desk Coach",card_description:"Sitting time, the next break and routines of a Desk Coach desk.",no_desk:"Pick a desk in the card's editor.",desk_not_found:"This desk no longer exists. Pick another one in the card's editor.",status_sitting:"Sitting",status_due:"Break due",status_snoozed:"Snoozed",status_standing:"Standing",status_away:"Away",status_quiet:"Quiet time",status_routine:"Routine running",status_unknown:"Unknown",next_break_in:"Next break in {time}",break_due_now:"Time for a break",routine_is_the_break:"This routine is your break",ring_label:"{done} % of the way to the next break",sitting_for:"Sitting for {time}",minutes:"{m} min",hours_minutes:"{h} h {m} min",less_than_a_minute:"< 1 min",today:"Today",sitting_today:"Sitting",longest_stretch:"Longest stretch",standing_today:"Standing",breaks:"Breaks",compliance:"Breaks taken when due",proven:"Proven by sensors",proven_split:"{n}: {walked} walked, {moved} moved, {stood} stood",breaks_taken:"taken",breaks_skipped:"skipped",breaks_missed:"missed",take_break:"Break done",take_break_label:"Break done: count a break now",snooze:"Snooze",snooze_label:"Snooze the break",skip:"Skip",skip_label:"Skip this break",pause_reminders:"Quiet until tomorrow",pause_reminders_label:"Pause the reminders until the active hours start tomorrow",resume_reminders:"Reminders on",resume_reminders_label:"End the pause: announce breaks again",paused_until:"Reminders paused until {time}",stretch:"Stretch",stretch_label:"Start the stretching routine",strengthen:"Strengthen",strengthen_label:"Start the strengthening routine",stretch_preview_label:"Stretching: see the exercises, then start",strengthen_preview_label:"Strengthening: see the exercises, then start",preview_exercises:"The exercises in this routine",dose_reps:"{sets} × {reps}",dose_hold:"{sets} × {hold} s",dose_each_side:"{dose} each side",start:"Start",start_label:"Start this routine now",cancel:"Cancel",cancel_label:"Close the preview without starting",level_line:"Strength level {level} of {levels}: {dose}",level_slower:"{dose}, slower",programme_paused:"Strength programme paused",rate_question:"How hard was it?",rate_easy:"Easy",rate_easy_label:"It was easy: rate the last strength session",rate_fine:"Fine",rate_fine_label:"It was fine: rate the last strength session",rate_hard:"Hard",rate_hard_label:"It was hard: rate the last strength session",routine_paused:"Paused",checking:"Checking in first: any sharp pain?",step_of:"Step {index} of {total}",set_of:"Set {set} of {sets}",reps:"{reps} reps",hold:"Hold",rest:"Rest",listen:"Listen…",listen_label:"Listen to the instructions",side_1:"Left side",side_2:"Right side",time_left:"{time} left",pause:"Pause",pause_label:"Pause the routine",resume:"Resume",resume_label:"Resume the routine",next:"Next",next_label:"Next step",stop:"Stop",stop_label:"Stop the routine",hurts:"That hurts",hurts_label:"That hurts: stop the routine now",advice_title:"Routine stopped",dismiss_label:"Hide this advice",week:"Sitting, last 7 days",week_standing:"Sitting and standing, last 7 days",week_empty:"No history yet.",week_today_only:"Earlier days appear here once they are recorded.",legend_sitting:"Sitting",legend_standing:"Standing",day_value:"{day}: {value}",day_value_standing:"{day}: {value} sitting, {standing} standing",editor_desk:"Desk",editor_show_ring:"Ring and next break",editor_show_today:"Today's totals",editor_show_buttons:"Buttons",editor_show_routine:"Running routine",editor_show_week:"Last 7 days"},Yt={card_name:"Desk Coach",card_description:"Sitzzeit, nächste Pause und Übungen eines Desk-Coach-Schreibtischs.",no_desk:"Wähle im Editor der Karte einen Schreibtisch.",desk_not_found:"Diesen Schreibtisch gibt es nicht mehr. Wähle im Editor einen anderen.",status_sitting:"Sitzt",status_due:"Pause fällig",status_snoozed:"Verschoben",status_standing:"Steht",status_away:"Weg",status_quiet:"Ruhezeit",status_routine:"Übungen laufen",status_unknown:"Unbekannt",next_break_in:"Nächste Pause in {time}",break_due_now:"Zeit für eine Pause",routine_is_the_break:"Diese Übungen sind deine Pause",ring_label:"{done} % der Zeit bis zur nächsten Pause",sitting_for:"Sitzt seit {time}",minutes:"{m} min",hours_minutes:"{h} h {m} min",less_than_a_minute:"< 1 min",today:"Heute",sitting_today:"Sitzzeit",longest_stretch:"Längste Sitzphase",standing_today:"Stehzeit",breaks:"Pausen",compliance:"Fällige Pausen gemacht",proven:"Von Sensoren belegt",proven_split:"{n}: {walked} gegangen, {moved} bewegt, {stood} gestanden",breaks_taken:"gemacht",breaks_skipped:"übersprungen",breaks_missed:"verpasst",take_break:"Pause gemacht",take_break_label:"Pause gemacht: jetzt eine Pause zählen",snooze:"Verschieben",snooze_label:"Die Pause verschieben",skip:"Überspringen",skip_label:"Diese Pause überspringen",pause_reminders:"Bis morgen still",pause_reminders_label:"Die Erinnerungen pausieren, bis morgen die aktiven Stunden beginnen",resume_reminders:"Erinnerungen an",resume_reminders_label:"Pause beenden: Pausen wieder ansagen",paused_until:"Erinnerungen pausiert bis {time}",stretch:"Dehnen",stretch_label:"Dehnen: das Dehnprogramm starten",strengthen:"Kräftigen",strengthen_label:"Kräftigen: das Kräftigungsprogramm starten",stretch_preview_label:"Dehnen: erst die Übungen ansehen, dann starten",strengthen_preview_label:"Kräftigen: erst die Übungen ansehen, dann starten",preview_exercises:"Die Übungen dieses Programms",dose_reps:"{sets} × {reps}",dose_hold:"{sets} × {hold} s",dose_each_side:"{dose} je Seite",start:"Starten",start_label:"Diese Übungen jetzt starten",cancel:"Abbrechen",cancel_label:"Die Vorschau schließen, ohne zu starten",level_line:"Kräftigungsstufe {level} von {levels}: {dose}",level_slower:"{dose}, langsamer",programme_paused:"Kräftigungsprogramm pausiert",rate_question:"Wie anstrengend war es?",rate_easy:"Leicht",rate_easy_label:"Es war leicht: die letzte Kräftigung bewerten",rate_fine:"Gut",rate_fine_label:"Es war gut: die letzte Kräftigung bewerten",rate_hard:"Schwer",rate_hard_label:"Es war schwer: die letzte Kräftigung bewerten",routine_paused:"Pausiert",checking:"Kurz vorab: hast du gerade stechende Schmerzen?",step_of:"Schritt {index} von {total}",set_of:"Satz {set} von {sets}",reps:"{reps} Wiederholungen",hold:"Halten",rest:"Pause",listen:"Zuhören…",listen_label:"Hör dir die Anleitung an",side_1:"Linke Seite",side_2:"Rechte Seite",time_left:"noch {time}",pause:"Pausieren",pause_label:"Die Übungen pausieren",resume:"Weiter",resume_label:"Weiter: die Übungen fortsetzen",next:"Nächster",next_label:"Nächster Schritt",stop:"Beenden",stop_label:"Die Übungen beenden",hurts:"Das tut weh",hurts_label:"Das tut weh: die Übungen sofort beenden",advice_title:"Übungen beendet",dismiss_label:"Diesen Hinweis ausblenden",week:"Sitzzeit, letzte 7 Tage",week_standing:"Sitzen und Stehen, letzte 7 Tage",week_empty:"Noch keine Daten.",week_today_only:"Frühere Tage erscheinen hier, sobald sie aufgezeichnet sind.",legend_sitting:"Sitzen",legend_standing:"Stehen",day_value:"{day}: {value}",day_value_standing:"{day}: {value} gesessen, {standing} gestanden",editor_desk:"Schreibtisch",editor_show_ring:"Ring und nächste Pause",editor_show_today:"Heutige Summen",editor_show_buttons:"Knöpfe",editor_show_routine:"Laufende Übungen",editor_show_week:"Letzte 7 Tage"},Zt={en:$e,de:Yt};function x(s){return s?.locale?.language??s?.language??"en"}function B(s){let e=Zt[s.toLowerCase().split("-")[0]??"en"]??$e;return(t,n={})=>(e[t]??$e[t]??t).replace(/\{(\w+)\}/g,(i,r)=>r in n?String(n[r]):i)}var S=["ring","today","buttons","routine","week"];var Gt=[{name:"device_id",required:!0,selector:{device:{filter:{integration:P}}}},{name:"",type:"grid",schema:S.map(s=>({name:`show_${s}`,selector:{boolean:{}}}))}];function Jt(s,e){let n={device_id:s.device_id??G(e,s)?.deviceId??""};for(let i of S)n[`show_${i}`]=s[`show_${i}`]!==!1;return n}function Qt(s,e){let t={...s},n=e.device_id;typeof n=="string"&&n?(t.device_id=n,n!==s.device_id&&delete t.entry_id):delete t.device_id;for(let i of S){let r=`show_${i}`;e[r]===!1?t[r]=!1:delete t[r]}return t}async function Xt(){if(customElements.get("ha-form"))return;let s=await window.loadCardHelpers?.();if(!s)return;s.createCardElement({type:"entities",entities:[]}),await(await customElements.whenDefined("hui-entities-card")).getConfigElement?.()}function en(s,e){if(s==="device_id")return e("editor_desk");let t=S.find(n=>s===`show_${n}`);return t?e(`editor_show_${t}`):""}var xe=class extends v{static properties={hass:{attribute:!1},_config:{state:!0}};setConfig(e){this._config=e}connectedCallback(){super.connectedCallback(),customElements.get("ha-form")||(Xt().catch(()=>{}),customElements.whenDefined("ha-form").then(()=>this.requestUpdate()))}render(){if(!this.hass||!this._config||!customElements.get("ha-form"))return d;let e=B(x(this.hass));return h`<ha-form
      .hass=${this.hass}
      .data=${Jt(this._config,this.hass)}
      .schema=${Gt}
      .computeLabel=${t=>en(t.name,e)}
      @value-changed=${this._valueChanged}
    ></ha-form>`}_valueChanged(e){e.stopPropagation(),this._config&&(this._config=Qt(this._config,e.detail.value),this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:this._config},bubbles:!0,composed:!0})))}};J("desk-coach-card-editor",xe);var tn=["easy","fine","hard"],nn={easy:"mdi:feather",fine:"mdi:thumb-up-outline",hard:"mdi:weight"};function st(s,e){return h`<img class=${e} src=${s.src} alt=${s.alt} />`}function it(s,e){let{t}=e;return h`<section class="routine ${s.paused?"paused":""}">
    <div class="routine-head">
      <span class="routine-name">${s.routineName}</span>
      <span>${s.paused?t("routine_paused"):s.progress}</span>
    </div>
    <div class="cue-row">
      ${s.picture?st(s.picture,"picture"):d}
      <div class="cue">
        <div class="exercise">${s.exerciseName}</div>
        <div class="secondary">${[s.side,s.set].filter(Boolean).join(" · ")}</div>
        <div class="task">
          <span class="task-name">${s.task}</span>
          ${s.listening?h`<span class="listen" aria-label=${t("listen_label")}>${t("listen")}</span>`:d}
          ${s.countdown?h`<span
                  class="countdown"
                  role="timer"
                  aria-label=${t("time_left",{time:s.countdown})}
                  >${s.countdown}</span
                >`:d}
        </div>
        ${s.cues.length&&!s.rest?h`<ul class="cues">
                ${s.cues.map(n=>h`<li>${n}</li>`)}
              </ul>`:d}
      </div>
    </div>
    ${s.felt?h`<div class="felt">${s.felt}</div>`:d}
    ${s.safety?h`<div class="safety">${s.safety}</div>`:d}
    <div class="buttons">
      ${s.paused?e.button("resume_routine","mdi:play","resume",()=>e.call("resume_routine")):e.button("pause_routine","mdi:pause","pause",()=>e.call("pause_routine"))}
      ${e.button("next_step","mdi:skip-next","next",()=>e.call("next_step"))}
      ${e.button("stop_routine","mdi:stop","stop",()=>e.call("stop_routine"))}
      ${e.button("pain","mdi:hand-back-left-outline","hurts",()=>e.call("stop_routine",{reason:"pain"}),{danger:!0})}
    </div>
  </section>`}function rt(s,e){return h`<section class="routine checking">
    <div class="routine-head">
      <span class="routine-name">${s}</span>
    </div>
    <div class="checking-text" role="status">${e.t("checking")}</div>
    <div class="buttons">
      ${e.button("stop_routine","mdi:stop","stop",()=>e.call("stop_routine"))}
    </div>
  </section>`}function ot(s,e,t){let{t:n}=e,i=()=>(t(),e.call("start_routine",{routine:s.routine}));return h`<section class="preview">
    <h3 class="preview-name">${s.name}</h3>
    <ol class="preview-list" aria-label=${n("preview_exercises")}>
      ${s.exercises.map(r=>h`<li>
            ${r.picture?st(r.picture,"thumb"):h`<span class="thumb" aria-hidden="true"></span>`}
            <div>
              <div class="exercise-name">${r.name}</div>
              <div class="dose">${r.dose}</div>
            </div>
          </li>`)}
    </ol>
    <div class="buttons">
      ${e.button("start_preview","mdi:play","start",i)}
      ${e.button("cancel_preview","mdi:close","cancel",t)}
    </div>
  </section>`}function at(s,e,t){let{t:n}=t;return h`<section class="programme">
    ${s?h`<div class="level">${s}</div>`:d}
    ${e?h`<div class="rating" role="group" aria-label=${n("rate_question")}>
            <div class="rate-question">
              ${n("rate_question")}
              ${e.name?h`<span class="rated">${e.name}</span>`:d}
            </div>
            <div class="buttons">
              ${tn.map(i=>t.button(`rate_${i}`,nn[i],`rate_${i}`,()=>t.call("rate_session",{effort:i})))}
            </div>
          </div>`:d}
  </section>`}var dt=ae`
  :host {
    display: block;
  }
  ha-card {
    padding: 16px;
    box-sizing: border-box;
    height: 100%;
    color: var(--primary-text-color);
    background: var(--ha-card-background, var(--card-background-color));
  }
  h2 {
    margin: 0 0 12px;
    font-size: 1.25em;
    font-weight: 500;
    line-height: 1.3;
  }
  h3 {
    margin: 0 0 6px;
    font-size: 0.9em;
    font-weight: 500;
    color: var(--secondary-text-color);
  }
  section + section {
    margin-top: 16px;
    padding-top: 12px;
    border-top: 1px solid var(--divider-color);
  }
  .message {
    color: var(--secondary-text-color);
  }

  /* ring */
  .ring-row {
    display: flex;
    align-items: center;
    gap: 16px;
  }
  .ring {
    position: relative;
    flex: 0 0 96px;
    width: 96px;
    height: 96px;
  }
  .ring svg {
    width: 100%;
    height: 100%;
  }
  .ring circle {
    fill: none;
    stroke-width: 9;
  }
  .ring .track {
    stroke: var(--divider-color);
  }
  .ring .fill {
    stroke: var(--primary-color);
    stroke-linecap: round;
    transition: stroke-dasharray 0.5s ease;
  }
  .ring.due .fill {
    stroke: var(--error-color);
  }
  .ring.idle .fill {
    stroke: var(--secondary-text-color);
  }
  .ring .center {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    text-align: center;
    font-size: 1.05em;
    font-weight: 500;
    padding: 0 18px;
  }
  .headline {
    font-size: 1.15em;
    font-weight: 500;
  }
  .due .headline,
  .headline.due {
    color: var(--error-color);
  }
  .secondary,
  .stretch {
    color: var(--secondary-text-color);
    margin-top: 2px;
  }

  /* today */
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 12px;
    margin: 0;
  }
  dt {
    color: var(--secondary-text-color);
  }
  dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .breaks {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 8px;
    margin: 10px 0;
    text-align: center;
  }
  .counter .number {
    display: block;
    font-size: 1.4em;
    font-weight: 500;
    font-variant-numeric: tabular-nums;
  }
  .counter .what {
    color: var(--secondary-text-color);
    font-size: 0.85em;
  }

  /* buttons: two by two on a phone, one row when there is room */
  .pause-row {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 8px;
  }
  .pause-row .paused {
    flex: 1;
    color: var(--secondary-text-color);
  }
  .buttons {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(130px, 1fr));
    gap: 8px;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 40px;
    padding: 6px 12px;
    border: 1px solid var(--divider-color);
    border-radius: 20px;
    background: none;
    color: var(--primary-color);
    font: inherit;
    font-weight: 500;
    cursor: pointer;
  }
  button:hover:not([disabled]) {
    border-color: var(--primary-color);
  }
  button:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 2px;
  }
  button[disabled] {
    color: var(--disabled-text-color, var(--secondary-text-color));
    cursor: default;
    opacity: 0.6;
  }
  button.danger {
    color: var(--error-color);
  }
  button.danger:hover:not([disabled]) {
    border-color: var(--error-color);
  }
  ha-icon {
    --mdc-icon-size: 20px;
  }

  /* routine */
  .routine-head {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    color: var(--secondary-text-color);
  }
  .exercise {
    margin: 6px 0 2px;
    font-size: 1.15em;
    font-weight: 500;
  }
  .task {
    display: flex;
    align-items: baseline;
    gap: 12px;
    margin: 6px 0;
  }
  .countdown {
    font-size: 1.8em;
    font-weight: 500;
    font-variant-numeric: tabular-nums;
    color: var(--primary-color);
  }
  .paused .countdown {
    color: var(--secondary-text-color);
  }
  ul {
    margin: 4px 0 8px;
    padding-inline-start: 20px;
  }
  li {
    margin: 2px 0;
  }
  .safety {
    color: var(--secondary-text-color);
    font-size: 0.9em;
    margin-bottom: 8px;
  }
  .listen {
    font-size: 1.2em;
    font-style: italic;
    color: var(--secondary-text-color);
  }
  /* the exercise's picture beside the cue, above it on a phone; never cropped */
  .cue-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0 16px;
  }
  .cue-row .picture {
    flex: 0 1 240px;
    width: 100%;
    max-width: 240px;
    height: auto;
    aspect-ratio: 2 / 1;
    object-fit: contain;
    margin-top: 8px;
  }
  .cue {
    flex: 1 1 180px;
    min-width: 0;
  }
  .felt {
    margin-bottom: 4px;
  }
  .checking-text {
    margin: 6px 0 10px;
    font-size: 1.05em;
  }

  /* a routine's preview */
  .preview-name {
    color: var(--primary-text-color);
    font-size: 1em;
  }
  .preview-list {
    list-style: none;
    margin: 0 0 10px;
    padding: 0;
  }
  .preview-list li {
    display: grid;
    grid-template-columns: 96px minmax(0, 1fr);
    align-items: center;
    gap: 12px;
    margin: 6px 0;
  }
  .thumb {
    display: block;
    width: 96px;
    height: 48px;
    object-fit: contain;
  }
  .dose {
    color: var(--secondary-text-color);
    font-variant-numeric: tabular-nums;
  }

  /* the strength programme */
  .level {
    color: var(--secondary-text-color);
  }
  .level + .rating {
    margin-top: 12px;
  }
  .rate-question {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 8px;
    margin-bottom: 8px;
    font-weight: 500;
  }
  .rated {
    font-weight: normal;
    color: var(--secondary-text-color);
  }
  .rating .buttons {
    grid-template-columns: repeat(auto-fit, minmax(84px, 1fr));
  }

  /* the advice after "that hurts" */
  .advice {
    border-inline-start: 4px solid var(--error-color);
    padding-inline-start: 12px;
  }
  .advice-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .advice-title {
    font-weight: 500;
    color: var(--error-color);
  }
  .advice-text {
    margin-top: 4px;
  }
  button.dismiss {
    min-width: 40px;
    padding: 4px 8px;
    color: var(--secondary-text-color);
  }

  /* week */
  .bars {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: 4px;
    align-items: end;
  }
  .day {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 2px;
    min-width: 0;
  }
  .day .value {
    font-size: 0.7em;
    color: var(--secondary-text-color);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .day .track {
    width: 100%;
    max-width: 28px;
    height: 64px;
    display: flex;
    align-items: flex-end;
    gap: 2px;
  }
  .day .bar {
    flex: 1 1 0;
    min-height: 2px;
    border-radius: 4px 4px 0 0;
    background: var(--primary-color);
    opacity: 0.55;
  }
  .day .bar.standing,
  .legend i.standing {
    background: var(--secondary-text-color);
  }
  .day.today .bar {
    opacity: 1;
  }
  .legend {
    display: flex;
    gap: 16px;
    margin-top: 6px;
    font-size: 0.8em;
    color: var(--secondary-text-color);
  }
  .legend i {
    display: inline-block;
    width: 10px;
    height: 10px;
    margin-inline-end: 4px;
    border-radius: 2px;
    background: var(--primary-color);
  }
  .day .label {
    font-size: 0.8em;
    color: var(--secondary-text-color);
  }
  .day.today .label {
    color: var(--primary-text-color);
    font-weight: 500;
  }
  .note {
    margin-top: 6px;
    font-size: 0.85em;
    color: var(--secondary-text-color);
  }
`;function A(s){if(typeof s!="string"||s==="")return;let e=Date.parse(s);return Number.isNaN(e)?void 0:e}function _(s){if(typeof s=="number")return Number.isFinite(s)?s:void 0;if(typeof s!="string"||s.trim()==="")return;let e=Number(s);return Number.isFinite(e)?e:void 0}function sn(s,e){return Math.max(0,Math.floor((s-e)/6e4+.5))}function ct(s,e){return Math.max(0,Math.floor((e-s)/6e4))}function lt(s,e){return Math.max(0,Math.ceil((s-e)/1e3))}function ut(s,e,t){if(s===void 0)return 0;if(s<=e)return 1;if(!t||t<=0)return 0;let n=(s-e)/(t*6e4);return Math.min(1,Math.max(0,1-n))}function z(s,e){let t=Math.max(0,Math.floor(s));return t<60?e("minutes",{m:t}):e("hours_minutes",{h:Math.floor(t/60),m:t%60})}function ke(s,e,t){let n=sn(s,e);return n===0&&s>e?t("less_than_a_minute"):z(n,t)}function ht(s){let e=Math.max(0,Math.ceil(s));return`${Math.floor(e/60)}:${String(e%60).padStart(2,"0")}`}var rn={ms:1/6e4,s:1/60,min:1,h:60,d:1440};function Q(s,e){let t=_(s);if(t===void 0)return;let n=typeof e=="string"?rn[e]:void 0;return t*(n??1)}var on=864e5,Se=7;function mt(s,e){return{type:"recorder/statistics_during_period",start_time:new Date(e-(Se+1)*on).toISOString(),statistic_ids:s,period:"day",types:["change"],units:{duration:"min"}}}function j(s,e){let t=new Intl.DateTimeFormat("en-US",{timeZone:e,year:"numeric",month:"2-digit",day:"2-digit"}).formatToParts(new Date(s)),n=i=>t.find(r=>r.type===i)?.value??"";return`${n("year")}-${n("month")}-${n("day")}`}function an(s,e){let[t,n,i]=s.split("-").map(Number);return new Date(Date.UTC(t,n-1,i+e)).toISOString().slice(0,10)}function pt(s,e,t){return new Intl.DateTimeFormat(e,{weekday:t,timeZone:"UTC"}).format(new Date(`${s}T12:00:00Z`))}function gt(s,e,t,n){let i=new Map;for(let r of s.rows??[])typeof r.change=="number"&&i.set(j(r.start,n),r.change);return e.map(r=>r===t?s.today:i.get(r))}function ft(s,e,t,n,i,r){let o=j(t,n),c=Array.from({length:Se},(g,b)=>an(o,b-(Se-1))),a=gt(s,c,o,n),u=e&&gt(e,c,o,n),p=Math.max(1,...[...a,...u??[]].map(g=>g??0)),l=g=>({minutes:g,fraction:Math.max(0,g??0)/p,value:dn(g,i)}),f=g=>g===void 0?"–":z(g,r);return c.map((g,b)=>{let H=pt(g,i,"long");return{day:g,label:pt(g,i,"short"),today:g===o,sitting:l(a[b]),standing:u&&l(u[b]),description:u?r("day_value_standing",{day:H,value:f(a[b]),standing:f(u[b])}):r("day_value",{day:H,value:f(a[b])})}})}function dn(s,e){return s===void 0?"":s<60?`${Math.floor(Math.max(0,s))} min`:`${new Intl.NumberFormat(e,{maximumFractionDigits:1}).format(s/60)} h`}var cn=["sitting","due","snoozed","standing","away","quiet","routine"],X=["running","paused"];function m(s,e,t){let n=e.entities[t];return n?s.states[n]:void 0}function ee(s){return!!s&&s.state!=="unavailable"&&s.state!=="unknown"}function te(s,e,t){let n=A(m(s,e,"sitting_since")?.state);return n===void 0?void 0:ct(n,t)}function ln(s,e){return s===void 0?"":e("sitting_for",{time:s===0?e("less_than_a_minute"):z(s,e)})}function _t(s,e,t,n){let i=m(s,e,"break_status")?.state??"unknown",r=n(cn.includes(i)?`status_${i}`:"status_unknown"),o=A(m(s,e,"next_break")?.state),c=_(m(s,e,"break_interval")?.state),a=i==="routine",u=!a&&(i==="due"||o!==void 0&&o<=t),p=!a&&o!==void 0&&!u;return{status:i,statusText:r,headline:a?n("routine_is_the_break"):u?n("break_due_now"):p?n("next_break_in",{time:ke(o,t,n)}):r,center:p?ke(o,t,n):"",fraction:ut(o,t,c),due:u,sitting:o!==void 0,stretch:ln(te(s,e,t),n)}}function yt(s,e,t,n,i){let r=A(m(s,e,"break_status")?.attributes.paused_until);if(r===void 0||r<=t)return;let o=s.config.time_zone,c=j(r,o)===j(t,o),a=new Intl.DateTimeFormat(n,{...c?{}:{weekday:"short"},hour:"2-digit",minute:"2-digit",hourCycle:"h23",timeZone:o}).format(r);return i("paused_until",{time:a})}function bt(s,e,t){let n=A(m(s,e,"next_break")?.state),i=m(s,e,"routine")?.state??"";return n!==void 0&&n>t||X.includes(i)||Ce(s,e,t)!==void 0}function un(s,e){let t=ee(s)?_(s.state):void 0;if(s===void 0||t===void 0)return;if(t===0)return"0";let n=i=>_(s.attributes[i])??0;return e("proven_split",{n:t,walked:n("walked"),moved:n("moved"),stood:n("stood")})}function Ae(s,e){if(!ee(s))return;let t=Q(s.state,s.attributes.unit_of_measurement);return t===void 0?void 0:z(t,e)}function hn(s,e){let t=ee(s)?_(s.state):void 0;return t===void 0?void 0:new Intl.NumberFormat(e,{style:"percent",maximumFractionDigits:0}).format(t/100)}function vt(s,e,t,n){let i=r=>{let o=_(m(s,e,r)?.state);return o===void 0?"–":String(o)};return{sitting:Ae(m(s,e,"sitting_today"),n)??"–",longest:Ae(m(s,e,"longest_stretch"),n),standing:Ae(m(s,e,"standing_today"),n),compliance:hn(m(s,e,"compliance"),t),proven:un(m(s,e,"breaks_proven"),n),breaks:{taken:i("breaks_taken"),skipped:i("breaks_skipped"),missed:i("breaks_missed")}}}function y(s){return typeof s=="string"?s:typeof s=="number"?String(s):""}function Ee(s){return s&&typeof s=="object"&&!Array.isArray(s)?s:void 0}function wt(s){let e=y(s.picture);return e?{src:e,alt:y(s.picture_alt)}:void 0}function $t(s,e,t,n){let i=m(s,e,"routine");if(!i||!X.includes(i.state))return;let r=i.attributes,o=i.state==="paused",c=r.step_kind==="rest",a=_(r.hold),u=_(r.reps),p=_(r.total_sets)??1,l=_(r.side),f=A(r.phase_ends_at),g=r.phase==="listen"&&(o||f===void 0||t<f),b="";if((c||a)&&!g){let Pe=A(r.step_ends_at),re=o?_(r.remaining_seconds):Pe===void 0?void 0:lt(Pe,t);re!==void 0&&(b=ht(a&&!c?Math.min(re,a):re))}let H=_(r.step_index),Re=_(r.steps_total);return{paused:o,routineName:y(r.routine_name)||y(r.routine),progress:H&&Re?n("step_of",{index:H,total:Re}):"",rest:c,exerciseName:y(r.exercise_name)||y(r.exercise),side:l===1||l===2?n(l===1?"side_1":"side_2"):"",set:p>1?n("set_of",{set:y(r.set),sets:p}):"",task:c?n("rest"):a?n("hold"):u?n("reps",{reps:u}):"",listening:g,countdown:b,cues:Array.isArray(r.cues)?r.cues.map(y).filter(Boolean):[],felt:y(r.felt),safety:y(r.safety),picture:wt(r)}}function xt(s,e){let t=m(s,e,"routine");if(t?.state==="checking")return{routineName:y(t.attributes.routine_name)||y(t.attributes.routine)}}function ne(s,e){let t=m(s,e,"routine")?.state??"";return X.includes(t)||t==="checking"}function kt(s,e,t,n,i=1){let r=_(s)??1,o=_(e),c=_(t),a="";return o?a=n("dose_reps",{sets:r,reps:o}):c&&(a=n("dose_hold",{sets:r,hold:c})),a&&_(i)===2?n("dose_each_side",{dose:a}):a}function se(s,e,t,n){let i=Ee(m(s,e,"routine")?.attributes.previews),r=Ee(i?.[t]);if(!r||!Array.isArray(r.exercises))return;let o=r.exercises.flatMap(c=>{let a=Ee(c);return a?[{name:y(a.name)||y(a.exercise),dose:kt(a.sets,a.reps,a.hold,n,a.sides),picture:wt(a)}]:[]});return{routine:t,name:y(r.name)||t,exercises:o}}function St(s,e){return y(m(s,e,"next_strength_session")?.attributes.routine)||"strengthening"}var pn=5;function At(s,e,t){let n=m(s,e,"strength_level");if(!n)return;let i=n.attributes,r=m(s,e,"strength_programme")?.state;if(!(typeof i.programme_on=="boolean"?i.programme_on:r!=="off"))return t("programme_paused");let c=ee(n)?_(n.state):void 0,a=kt(i.sets,i.reps,void 0,t);if(!(c===void 0||!a))return t("level_line",{level:c,levels:Math.max(pn,c),dose:(_(i.slower)??0)>0?t("level_slower",{dose:a}):a})}function Et(s,e,t){let n=y(m(s,e,"strength_level")?.attributes.unrated);if(!(!n||ne(s,e)))return{routine:n,name:se(s,e,n,t)?.name??""}}function Ce(s,e,t){let n=m(s,e,"routine");if(!n||X.includes(n.state))return;let i=y(n.attributes.advice),r=A(n.attributes.advice_until);if(!(!i||r===void 0||r<=t))return{text:i,id:String(n.attributes.advice_until)}}var ie="desk-coach-card",gn=36e5,mn=5*6e4,De=44,Ct=2*Math.PI*De,Dt="desk-coach-card:dismissed-advice:";function fn(s){try{return localStorage.getItem(Dt+s)}catch{return null}}function _n(s,e){try{localStorage.setItem(Dt+s,e)}catch{}}var Te=class extends v{static properties={hass:{attribute:!1},_config:{state:!0},_now:{state:!0},_week:{state:!0},_busy:{state:!0},_dismissed:{state:!0},_preview:{state:!0}};static styles=dt;_timer;_desk;_deskFrom;_weekFetched;constructor(){super(),this._now=Date.now()}static getConfigElement(){return document.createElement(`${ie}-editor`)}static getStubConfig(e){let t=we(e)[0];return t?{device_id:t.id}:{}}setConfig(e){if(!e||typeof e!="object")throw new Error("Invalid configuration");for(let t of["device_id","entry_id"])if(e[t]!==void 0&&typeof e[t]!="string")throw new Error(`${t} must be a text`);for(let t of S){let n=e[`show_${t}`];if(n!==void 0&&typeof n!="boolean")throw new Error(`show_${t} must be true or false`)}this._config={...e}}getCardSize(){let e={ring:2,today:2,buttons:1,routine:0,week:2};return 1+S.reduce((t,n)=>t+(this._shows(n)?e[n]:0),0)}getGridOptions(){return{columns:12,min_columns:6}}connectedCallback(){super.connectedCallback(),this._timer=setInterval(()=>this._tick(),1e3)}disconnectedCallback(){super.disconnectedCallback(),clearInterval(this._timer),this._timer=void 0}_shows(e){return this._config?.[`show_${e}`]!==!1}_resolve(){let{hass:e,_config:t}=this;if(!e||!t)return;let n=[t,e.entities,e.devices];return(!this._deskFrom||n.some((i,r)=>i!==this._deskFrom[r]))&&(this._desk=G(e,t),this._deskFrom=n),this._desk}_tick(){let e=Date.now(),t=this._resolve(),n=this.hass,i=!!t&&!!n&&bt(n,t,e),r=!!t&&!!n&&te(n,t,e)!==te(n,t,this._now);(i||r||Math.floor(e/6e4)!==Math.floor(this._now/6e4))&&(this._now=e),this._fetchWeek(e)}shouldUpdate(e){if(e.size>1||!e.has("hass"))return!0;let t=e.get("hass"),n=this.hass;if(!t||!n||t.entities!==n.entities||t.devices!==n.devices||x(t)!==x(n))return!0;let i=this._resolve();return i?Object.values(i.entities).some(r=>t.states[r]!==n.states[r]):!1}willUpdate(e){e.has("hass")&&(this._now=Date.now());let t=this._resolve();this._preview&&this.hass&&t&&ne(this.hass,t)&&(this._preview=void 0)}updated(){this._fetchWeek(this._now)}async _fetchWeek(e){let t=this._resolve();if(!this.hass||!t?.entities.sitting_today||!this._shows("week"))return;let n=[t.entities.sitting_today,t.entities.standing_today].filter(o=>!!o),i=Math.floor((e-mn)/gn),r=`${n.join(" ")} ${i}`;if(this._weekFetched!==r){this._weekFetched=r;try{this._week=await this.hass.callWS(mt(n,e))}catch{this._week={}}}}async _call(e,t={}){let n=this._resolve();if(!(!this.hass||!n)){this._busy=e;try{await this.hass.callService(P,e,{...n.entryId?{config_entry_id:n.entryId}:{},...t})}catch{}finally{this._busy=void 0}}}render(){if(!this._config||!this.hass)return d;let e=B(x(this.hass)),t=this._resolve();if(!t){let f=this._config.device_id||this._config.entry_id;return h`<ha-card>
        <div class="message">${e(f?"desk_not_found":"no_desk")}</div>
      </ha-card>`}let n=this._now,i=_t(this.hass,t,n,e),r=$t(this.hass,t,n,e),o=xt(this.hass,t),c=this._advice(t,n),a=this._controls(e),u=this._preview?se(this.hass,t,this._preview,e):void 0,p=At(this.hass,t,e),l=Et(this.hass,t,e);return h`<ha-card>
      <h2>${t.name}</h2>
      ${this._shows("ring")?this._renderRing(i,e):d}
      ${this._shows("today")?this._renderToday(t,e):d}
      ${this._shows("routine")&&r?it(r,a):d}
      ${this._shows("routine")&&o?rt(o.routineName,a):d}
      ${this._shows("routine")&&c?this._renderAdvice(t,c,e):d}
      ${this._shows("buttons")?this._renderButtons(t,i,e):d}
      ${this._shows("buttons")&&u?ot(u,a,()=>this._preview=void 0):d}
      ${this._shows("buttons")&&(p||l)?at(p,l,a):d}
      ${this._shows("buttons")?this._renderPause(t,n,e):d}
      ${this._shows("week")?this._renderWeek(t,e):d}
    </ha-card>`}_renderRing(e,t){let n=Ct*e.fraction,i=e.due?"due":e.center?"counting":"idle";return h`<section class="ring-row ${i}">
      <div
        class="ring ${i}"
        role="img"
        aria-label=${t("ring_label",{done:Math.round(e.fraction*100)})}
      >
        <svg viewBox="0 0 100 100" aria-hidden="true">
          ${Ze`<circle class="track" cx="50" cy="50" r=${De}></circle>
            <circle class="fill" cx="50" cy="50" r=${De}
              stroke-dasharray="${n} ${Ct}" transform="rotate(-90 50 50)"></circle>`}
        </svg>
        <div class="center" aria-hidden="true">${e.center}</div>
      </div>
      <div>
        <div class="headline">${e.headline}</div>
        ${e.headline!==e.statusText&&!(e.status==="sitting"&&e.stretch)?h`<div class="secondary">${e.statusText}</div>`:d}
        ${e.stretch?h`<div class="stretch">${e.stretch}</div>`:d}
      </div>
    </section>`}_renderToday(e,t){let n=vt(this.hass,e,x(this.hass),t);return h`<section class="today">
      <h3>${t("today")}</h3>
      <dl>
        <dt>${t("sitting_today")}</dt>
        <dd class="sitting">${n.sitting}</dd>
        ${n.longest!==void 0?h`<dt>${t("longest_stretch")}</dt>
                <dd class="longest">${n.longest}</dd>`:d}
        ${n.standing!==void 0?h`<dt>${t("standing_today")}</dt>
                <dd class="standing">${n.standing}</dd>`:d}
      </dl>
      <div class="breaks" role="group" aria-label=${t("breaks")}>
        ${["taken","skipped","missed"].map(i=>h`<div class="counter ${i}">
              <span class="number">${n.breaks[i]}</span>
              <span class="what">${t(`breaks_${i}`)}</span>
            </div>`)}
      </div>
      ${n.compliance!==void 0||n.proven!==void 0?h`<dl>
              ${n.compliance!==void 0?h`<dt>${t("compliance")}</dt>
                      <dd class="compliance">${n.compliance}</dd>`:d}
              ${n.proven!==void 0?h`<dt>${t("proven")}</dt>
                      <dd class="proven">${n.proven}</dd>`:d}
            </dl>`:d}
    </section>`}_button(e,t,n,i,r,o={}){return h`<button
      class=${o.danger?"danger":""}
      data-action=${e}
      aria-label=${i(o.ariaLabel??`${n}_label`)}
      ?disabled=${o.disabled||this._busy!==void 0&&!o.danger}
      @click=${r}
    >
      <ha-icon icon=${t} aria-hidden="true"></ha-icon>${i(n)}
    </button>`}_controls(e){return{t:e,button:(t,n,i,r,o)=>this._button(t,n,i,e,r,o),call:(t,n)=>this._call(t,n)}}_routineButton(e,t,n,i,r,o){let c=this.hass,a=se(c,e,r,o)!==void 0,u=()=>a?this._preview=r:this._call("start_routine",{routine:r});return this._button(t,n,i,o,u,{disabled:ne(c,e),...a?{ariaLabel:`${i}_preview_label`}:{}})}_renderButtons(e,t,n){let i={disabled:!t.sitting};return h`<section class="buttons actions">
      ${this._button("take_break","mdi:coffee-outline","take_break",n,()=>this._call("take_break"),i)}
      ${this._button("snooze","mdi:alarm-snooze","snooze",n,()=>this._call("snooze"),i)}
      ${t.due?this._button("skip_break","mdi:skip-next-circle-outline","skip",n,()=>this._call("skip_break")):d}
      ${this._routineButton(e,"stretching","mdi:human-handsup","stretch","stretching",n)}
      ${this._routineButton(e,"strengthening","mdi:arm-flex-outline","strengthen",St(this.hass,e),n)}
    </section>`}_renderPause(e,t,n){let i=yt(this.hass,e,t,x(this.hass),n);return h`<section class="pause-row">
      ${i?h`<span class="paused">${i}</span>`:d}
      ${i?this._button("resume_reminders","mdi:bell-ring-outline","resume_reminders",n,()=>this._call("resume_reminders")):this._button("pause_reminders","mdi:bell-sleep-outline","pause_reminders",n,()=>this._call("pause_reminders",{until_active_hours:!0}))}
    </section>`}_advice(e,t){let n=Ce(this.hass,e,t),i=e.entities.routine;return!n||!i||this._dismissed===n.id||fn(i)===n.id?void 0:n}_renderAdvice(e,t,n){let i=()=>{this._dismissed=t.id,_n(e.entities.routine,t.id)};return h`<section class="advice" role="alert">
      <div class="advice-head">
        <span class="advice-title">${n("advice_title")}</span>
        <button
          class="dismiss"
          data-action="dismiss_advice"
          aria-label=${n("dismiss_label")}
          @click=${i}
        >
          ✕
        </button>
      </div>
      <div class="advice-text">${t.text}</div>
    </section>`}_series(e,t){let n=e.entities[t];if(!n)return;let i=this.hass.states[n];return{rows:this._week?.[n],today:i&&Q(i.state,i.attributes.unit_of_measurement)}}_renderWeek(e,t){let n=this.hass,i=this._series(e,"sitting_today")??{rows:[],today:void 0},r=this._series(e,"standing_today"),o=ft(i,r,this._now,n.config.time_zone,x(n),t),c=[i,r].some(l=>(l?.rows??[]).length>0),a=o.some(l=>l.today&&(l.sitting.minutes??0)>0),u=this._week===void 0||c?void 0:a?"week_today_only":"week_empty",p=(l,f)=>h`<div class="bar ${f}" style=${tt({height:`${l.fraction*100}%`})}></div>`;return h`<section class="week">
      <h3>${t(r?"week_standing":"week")}</h3>
      <div class="bars" role="list">
        ${o.map(l=>h`<div
              class="day ${l.today?"today":""}"
              role="listitem"
              aria-label=${l.description}
              title=${l.description}
            >
              <span class="value" aria-hidden="true">${l.sitting.value}</span>
              <div class="track" aria-hidden="true">
                ${p(l.sitting,"sitting")}
                ${l.standing?p(l.standing,"standing"):d}
              </div>
              <span class="label" aria-hidden="true">${l.label}</span>
            </div>`)}
      </div>
      ${r?h`<div class="legend" aria-hidden="true">
              <span><i class="sitting"></i>${t("legend_sitting")}</span>
              <span><i class="standing"></i>${t("legend_standing")}</span>
            </div>`:d}
      ${u?h`<div class="note">${t(u)}</div>`:d}
    </section>`}};J(ie,Te);window.customCards=window.customCards??[];if(!window.customCards.some(s=>s.type===ie)){let s=B(navigator.language??"en");window.customCards.push({type:ie,name:s("card_name"),description:s("card_description"),preview:!0,documentationURL:"https://github.com/desk-coach/desk-coach#the-dashboard-card"})}export{ie as CARD_TYPE,Te as DeskCoachCard};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
lit-html/directive.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directives/style-map.js:
  (**
   * @license
   * Copyright 2018 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
