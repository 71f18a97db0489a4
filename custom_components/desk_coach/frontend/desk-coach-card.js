/* Desk Coach card 0.1.0: built from frontend/src by `npm run build`; do not edit. */
var F=globalThis,W=F.ShadowRoot&&(F.ShadyCSS===void 0||F.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,ne=Symbol(),Te=new WeakMap,H=class{constructor(e,t,n){if(this._$cssResult$=!0,n!==ne)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(W&&e===void 0){let n=t!==void 0&&t.length===1;n&&(e=Te.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&Te.set(t,e))}return e}toString(){return this.cssText}},Re=s=>new H(typeof s=="string"?s:s+"",void 0,ne),se=(s,...e)=>{let t=s.length===1?s[0]:e.reduce((n,i,r)=>n+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+s[r+1],s[0]);return new H(t,s,ne)},Pe=(s,e)=>{if(W)s.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let n=document.createElement("style"),i=F.litNonce;i!==void 0&&n.setAttribute("nonce",i),n.textContent=t.cssText,s.appendChild(n)}},ie=W?s=>s:s=>s instanceof CSSStyleSheet?(e=>{let t="";for(let n of e.cssRules)t+=n.cssText;return Re(t)})(s):s;var{is:_t,defineProperty:ft,getOwnPropertyDescriptor:yt,getOwnPropertyNames:bt,getOwnPropertySymbols:vt,getPrototypeOf:$t}=Object,K=globalThis,ze=K.trustedTypes,kt=ze?ze.emptyScript:"",wt=K.reactiveElementPolyfillSupport,N=(s,e)=>s,re={toAttribute(s,e){switch(e){case Boolean:s=s?kt:null;break;case Object:case Array:s=s==null?s:JSON.stringify(s)}return s},fromAttribute(s,e){let t=s;switch(e){case Boolean:t=s!==null;break;case Number:t=s===null?null:Number(s);break;case Object:case Array:try{t=JSON.parse(s)}catch{t=null}}return t}},He=(s,e)=>!_t(s,e),Me={attribute:!0,type:String,converter:re,reflect:!1,useDefault:!1,hasChanged:He};Symbol.metadata??=Symbol("metadata"),K.litPropertyMetadata??=new WeakMap;var v=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Me){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),i=this.getPropertyDescriptor(e,n,t);i!==void 0&&ft(this.prototype,e,i)}}static getPropertyDescriptor(e,t,n){let{get:i,set:r}=yt(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:i,set(o){let l=i?.call(this);r?.call(this,o),this.requestUpdate(e,l,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Me}static _$Ei(){if(this.hasOwnProperty(N("elementProperties")))return;let e=$t(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(N("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(N("properties"))){let t=this.properties,n=[...bt(t),...vt(t)];for(let i of n)this.createProperty(i,t[i])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[n,i]of t)this.elementProperties.set(n,i)}this._$Eh=new Map;for(let[t,n]of this.elementProperties){let i=this._$Eu(t,n);i!==void 0&&this._$Eh.set(i,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let i of n)t.unshift(ie(i))}else e!==void 0&&t.push(ie(e));return t}static _$Eu(e,t){let n=t.attribute;return n===!1?void 0:typeof n=="string"?n:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Pe(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),i=this.constructor._$Eu(e,n);if(i!==void 0&&n.reflect===!0){let r=(n.converter?.toAttribute!==void 0?n.converter:re).toAttribute(t,n.type);this._$Em=e,r==null?this.removeAttribute(i):this.setAttribute(i,r),this._$Em=null}}_$AK(e,t){let n=this.constructor,i=n._$Eh.get(e);if(i!==void 0&&this._$Em!==i){let r=n.getPropertyOptions(i),o=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:re;this._$Em=i;let l=o.fromAttribute(t,r.type);this[i]=l??this._$Ej?.get(i)??l,this._$Em=null}}requestUpdate(e,t,n,i=!1,r){if(e!==void 0){let o=this.constructor;if(i===!1&&(r=this[e]),n??=o.getPropertyOptions(e),!((n.hasChanged??He)(r,t)||n.useDefault&&n.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,n))))return;this.C(e,t,n)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:i,wrapped:r},o){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),r!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),i===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,r]of this._$Ep)this[i]=r;this._$Ep=void 0}let n=this.constructor.elementProperties;if(n.size>0)for(let[i,r]of n){let{wrapped:o}=r,l=this[i];o!==!0||this._$AL.has(i)||l===void 0||this.C(i,void 0,r,l)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(n=>n.hostUpdate?.()),this.update(t)):this._$EM()}catch(n){throw e=!1,this._$EM(),n}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};v.elementStyles=[],v.shadowRootOptions={mode:"open"},v[N("elementProperties")]=new Map,v[N("finalized")]=new Map,wt?.({ReactiveElement:v}),(K.reactiveElementVersions??=[]).push("2.1.2");var he=globalThis,Ne=s=>s,q=he.trustedTypes,Ie=q?q.createPolicy("lit-html",{createHTML:s=>s}):void 0,je="$lit$",w=`lit$${Math.random().toFixed(9).slice(2)}$`,Fe="?"+w,xt=`<${Fe}>`,D=document,U=()=>D.createComment(""),L=s=>s===null||typeof s!="object"&&typeof s!="function",pe=Array.isArray,St=s=>pe(s)||typeof s?.[Symbol.iterator]=="function",oe=`[ 	
\f\r]`,I=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Ue=/-->/g,Le=/>/g,E=RegExp(`>|${oe}(?:([^\\s"'>=/]+)(${oe}*=${oe}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Oe=/'/g,Ve=/"/g,We=/^(?:script|style|textarea|title)$/i,me=s=>(e,...t)=>({_$litType$:s,strings:e,values:t}),h=me(1),Ke=me(2),rn=me(3),$=Symbol.for("lit-noChange"),c=Symbol.for("lit-nothing"),Be=new WeakMap,C=D.createTreeWalker(D,129);function qe(s,e){if(!pe(s)||!s.hasOwnProperty("raw"))throw Error("invalid template strings array");return Ie!==void 0?Ie.createHTML(e):e}var At=(s,e)=>{let t=s.length-1,n=[],i,r=e===2?"<svg>":e===3?"<math>":"",o=I;for(let l=0;l<t;l++){let a=s[l],u,p,d=-1,g=0;for(;g<a.length&&(o.lastIndex=g,p=o.exec(a),p!==null);)g=o.lastIndex,o===I?p[1]==="!--"?o=Ue:p[1]!==void 0?o=Le:p[2]!==void 0?(We.test(p[2])&&(i=RegExp("</"+p[2],"g")),o=E):p[3]!==void 0&&(o=E):o===E?p[0]===">"?(o=i??I,d=-1):p[1]===void 0?d=-2:(d=o.lastIndex-p[2].length,u=p[1],o=p[3]===void 0?E:p[3]==='"'?Ve:Oe):o===Ve||o===Oe?o=E:o===Ue||o===Le?o=I:(o=E,i=void 0);let m=o===E&&s[l+1].startsWith("/>")?" ":"";r+=o===I?a+xt:d>=0?(n.push(u),a.slice(0,d)+je+a.slice(d)+w+m):a+w+(d===-2?l:m)}return[qe(s,r+(s[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),n]},O=class s{constructor({strings:e,_$litType$:t},n){let i;this.parts=[];let r=0,o=0,l=e.length-1,a=this.parts,[u,p]=At(e,t);if(this.el=s.createElement(u,n),C.currentNode=this.el.content,t===2||t===3){let d=this.el.content.firstChild;d.replaceWith(...d.childNodes)}for(;(i=C.nextNode())!==null&&a.length<l;){if(i.nodeType===1){if(i.hasAttributes())for(let d of i.getAttributeNames())if(d.endsWith(je)){let g=p[o++],m=i.getAttribute(d).split(w),_=/([.?@])?(.*)/.exec(g);a.push({type:1,index:r,name:_[2],strings:m,ctor:_[1]==="."?de:_[1]==="?"?ce:_[1]==="@"?le:R}),i.removeAttribute(d)}else d.startsWith(w)&&(a.push({type:6,index:r}),i.removeAttribute(d));if(We.test(i.tagName)){let d=i.textContent.split(w),g=d.length-1;if(g>0){i.textContent=q?q.emptyScript:"";for(let m=0;m<g;m++)i.append(d[m],U()),C.nextNode(),a.push({type:2,index:++r});i.append(d[g],U())}}}else if(i.nodeType===8)if(i.data===Fe)a.push({type:2,index:r});else{let d=-1;for(;(d=i.data.indexOf(w,d+1))!==-1;)a.push({type:7,index:r}),d+=w.length-1}r++}}static createElement(e,t){let n=D.createElement("template");return n.innerHTML=e,n}};function T(s,e,t=s,n){if(e===$)return e;let i=n!==void 0?t._$Co?.[n]:t._$Cl,r=L(e)?void 0:e._$litDirective$;return i?.constructor!==r&&(i?._$AO?.(!1),r===void 0?i=void 0:(i=new r(s),i._$AT(s,t,n)),n!==void 0?(t._$Co??=[])[n]=i:t._$Cl=i),i!==void 0&&(e=T(s,i._$AS(s,e.values),i,n)),e}var ae=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,i=(e?.creationScope??D).importNode(t,!0);C.currentNode=i;let r=C.nextNode(),o=0,l=0,a=n[0];for(;a!==void 0;){if(o===a.index){let u;a.type===2?u=new V(r,r.nextSibling,this,e):a.type===1?u=new a.ctor(r,a.name,a.strings,this,e):a.type===6&&(u=new ue(r,this,e)),this._$AV.push(u),a=n[++l]}o!==a?.index&&(r=C.nextNode(),o++)}return C.currentNode=D,i}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings!==void 0?(n._$AI(e,n,t),t+=n.strings.length-2):n._$AI(e[t])),t++}},V=class s{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,i){this.type=2,this._$AH=c,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=T(this,e,t),L(e)?e===c||e==null||e===""?(this._$AH!==c&&this._$AR(),this._$AH=c):e!==this._$AH&&e!==$&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):St(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==c&&L(this._$AH)?this._$AA.nextSibling.data=e:this.T(D.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,i=typeof n=="number"?this._$AC(e):(n.el===void 0&&(n.el=O.createElement(qe(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===i)this._$AH.p(t);else{let r=new ae(i,this),o=r.u(this.options);r.p(t),this.T(o),this._$AH=r}}_$AC(e){let t=Be.get(e.strings);return t===void 0&&Be.set(e.strings,t=new O(e)),t}k(e){pe(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,n,i=0;for(let r of e)i===t.length?t.push(n=new s(this.O(U()),this.O(U()),this,this.options)):n=t[i],n._$AI(r),i++;i<t.length&&(this._$AR(n&&n._$AB.nextSibling,i),t.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let n=Ne(e).nextSibling;Ne(e).remove(),e=n}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},R=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,i,r){this.type=1,this._$AH=c,this._$AN=void 0,this.element=e,this.name=t,this._$AM=i,this.options=r,n.length>2||n[0]!==""||n[1]!==""?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=c}_$AI(e,t=this,n,i){let r=this.strings,o=!1;if(r===void 0)e=T(this,e,t,0),o=!L(e)||e!==this._$AH&&e!==$,o&&(this._$AH=e);else{let l=e,a,u;for(e=r[0],a=0;a<r.length-1;a++)u=T(this,l[n+a],t,a),u===$&&(u=this._$AH[a]),o||=!L(u)||u!==this._$AH[a],u===c?e=c:e!==c&&(e+=(u??"")+r[a+1]),this._$AH[a]=u}o&&!i&&this.j(e)}j(e){e===c?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},de=class extends R{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===c?void 0:e}},ce=class extends R{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==c)}},le=class extends R{constructor(e,t,n,i,r){super(e,t,n,i,r),this.type=5}_$AI(e,t=this){if((e=T(this,e,t,0)??c)===$)return;let n=this._$AH,i=e===c&&n!==c||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,r=e!==c&&(n===c||i);i&&this.element.removeEventListener(this.name,this,n),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},ue=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){T(this,e)}};var Et=he.litHtmlPolyfillSupport;Et?.(O,V),(he.litHtmlVersions??=[]).push("3.3.3");var Ye=(s,e,t)=>{let n=t?.renderBefore??e,i=n._$litPart$;if(i===void 0){let r=t?.renderBefore??null;n._$litPart$=i=new V(e.insertBefore(U(),r),r,void 0,t??{})}return i._$AI(s),i};var ge=globalThis,b=class extends v{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Ye(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return $}};b._$litElement$=!0,b.finalized=!0,ge.litElementHydrateSupport?.({LitElement:b});var Ct=ge.litElementPolyfillSupport;Ct?.({LitElement:b});(ge.litElementVersions??=[]).push("4.2.2");var Ze={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},Ge=s=>(...e)=>({_$litDirective$:s,values:e}),Y=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,n){this._$Ct=e,this._$AM=t,this._$Ci=n}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var Je="important",Dt=" !"+Je,Qe=Ge(class extends Y{constructor(s){if(super(s),s.type!==Ze.ATTRIBUTE||s.name!=="style"||s.strings?.length>2)throw Error("The `styleMap` directive must be used in the `style` attribute and must be the only part in the attribute.")}render(s){return Object.keys(s).reduce((e,t)=>{let n=s[t];return n==null?e:e+`${t=t.includes("-")?t:t.replace(/(?:^(webkit|moz|ms|o)|)(?=[A-Z])/g,"-$&").toLowerCase()}:${n};`},"")}update(s,[e]){let{style:t}=s.element;if(this.ft===void 0)return this.ft=new Set(Object.keys(e)),this.render(e);for(let n of this.ft)e[n]==null&&(this.ft.delete(n),n.includes("-")?t.removeProperty(n):t[n]=null);for(let n in e){let i=e[n];if(i!=null){this.ft.add(n);let r=typeof i=="string"&&i.endsWith(Dt);n.includes("-")||r?t.setProperty(n,r?i.slice(0,-11):i,r?Je:""):t[n]=i}}return $}});var P="desk_coach",Tt={next_break:["sensor","next_break"],sitting_since:["sensor","sitting_since"],break_status:["sensor","break_status"],sitting_today:["sensor","sitting_today"],longest_stretch:["sensor","longest_stretch_today"],breaks_taken:["sensor","breaks_taken_today"],breaks_skipped:["sensor","breaks_skipped_today"],breaks_missed:["sensor","breaks_missed_today"],breaks_proven:["sensor","breaks_proven_today"],standing_today:["sensor","standing_today"],compliance:["sensor","break_compliance_today"],routine:["sensor","routine"],break_interval:["number","break_interval"]};function Rt(s){let e=new Set;for(let t of Object.values(s.entities??{}))t?.platform===P&&t.device_id&&e.add(t.device_id);return e}function _e(s){return s.name_by_user||s.name||s.id}function Z(s){return typeof s=="string"&&s!==""}function Pt(s){return Z(s.config_entry_id)?s.config_entry_id:Z(s.primary_config_entry)?s.primary_config_entry:(Array.isArray(s.config_entries)?s.config_entries:[]).find(Z)}function zt(s,e){return Z(s.config_entry_id)?s.config_entry_id===e:Array.isArray(s.config_entries)&&s.config_entries.includes(e)}function fe(s){let e=Rt(s);return Object.values(s.devices??{}).filter(t=>!!t&&e.has(t.id)).sort((t,n)=>_e(t).localeCompare(_e(n)))}function G(s,e){let t=fe(s),n=e.device_id?t.find(o=>o.id===e.device_id):e.entry_id?t.find(o=>zt(o,e.entry_id)):void 0;if(!n)return;let i=new Map;for(let o of Object.values(s.entities))o?.device_id!==n.id||o.platform!==P||!o.translation_key||i.set(`${o.entity_id.split(".")[0]}.${o.translation_key}`,o.entity_id);let r={};for(let[o,[l,a]]of Object.entries(Tt)){let u=i.get(`${l}.${a}`);u&&(r[o]=u)}return{deviceId:n.id,entryId:Pt(n),name:_e(n),entities:r}}function Xe(s,e,t){s.get(e)||s.define(e,t)}function J(s,e){let t=window.customElements;Xe(t,s,e);let n=0,i=setInterval(()=>{n+=100;let r=window.customElements;r!==t?(Xe(r,s,e),clearInterval(i)):n>=3e4&&clearInterval(i)},100)}var ye={card_name:"Desk Coach",card_description:"Sitting time, the next break and routines of a Desk Coach desk.",no_desk:"Pick a desk in the card's editor.",desk_not_found:"This desk no longer exists. Pick another one in the card's editor.",status_sitting:"Sitting",status_due:"Break due",status_snoozed:"Snoozed",status_standing:"Standing",status_away:"Away",status_quiet:"Quiet time",status_routine:"Routine running",status_unknown:"Unknown",next_break_in:"Next break in {time}",break_due_now:"Time for a break",routine_is_the_break:"This routine is your break",ring_label:"{done} % of the way to the next break",sitting_for:"Sitting for {time}",minutes:"{m} min",hours_minutes:"{h} h {m} min",less_than_a_minute:"< 1 min",today:"Today",sitting_today:"Sitting",longest_stretch:"Longest stretch",standing_today:"Standing",breaks:"Breaks",compliance:"Breaks taken when due",proven:"Proven by sensors",proven_split:"{n}: {walked} walked, {moved} moved, {stood} stood",breaks_taken:"taken",breaks_skipped:"skipped",breaks_missed:"missed",take_break:"Break done",take_break_label:"Break done: count a break now",snooze:"Snooze",snooze_label:"Snooze the break",skip:"Skip",skip_label:"Skip this break",pause_reminders:"Quiet until tomorrow",pause_reminders_label:"Pause the reminders until the active hours start tomorrow",resume_reminders:"Reminders on",resume_reminders_label:"End the pause: announce breaks again",paused_until:"Reminders paused until {time}",stretch:"Stretch",stretch_label:"Start the stretching routine",strengthen:"Strengthen",strengthen_label:"Start the strengthening routine",routine_paused:"Paused",step_of:"Step {index} of {total}",set_of:"Set {set} of {sets}",reps:"{reps} reps",hold:"Hold",rest:"Rest",listen:"Listen…",listen_label:"Listen to the instructions",side_1:"Left side",side_2:"Right side",time_left:"{time} left",pause:"Pause",pause_label:"Pause the routine",resume:"Resume",resume_label:"Resume the routine",next:"Next",next_label:"Next step",stop:"Stop",stop_label:"Stop the routine",hurts:"That hurts",hurts_label:"That hurts: stop the routine now",advice_title:"Routine stopped",dismiss_label:"Hide this advice",week:"Sitting, last 7 days",week_standing:"Sitting and standing, last 7 days",week_empty:"No history yet.",week_today_only:"Earlier days appear here once they are recorded.",legend_sitting:"Sitting",legend_standing:"Standing",day_value:"{day}: {value}",day_value_standing:"{day}: {value} sitting, {standing} standing",editor_desk:"Desk",editor_show_ring:"Ring and next break",editor_show_today:"Today's totals",editor_show_buttons:"Buttons",editor_show_routine:"Running routine",editor_show_week:"Last 7 days"},Mt={card_name:"Desk Coach",card_description:"Sitzzeit, nächste Pause und Übungen eines Desk-Coach-Schreibtischs.",no_desk:"Wähle im Editor der Karte einen Schreibtisch.",desk_not_found:"Diesen Schreibtisch gibt es nicht mehr. Wähle im Editor einen anderen.",status_sitting:"Sitzt",status_due:"Pause fällig",status_snoozed:"Verschoben",status_standing:"Steht",status_away:"Weg",status_quiet:"Ruhezeit",status_routine:"Übungen laufen",status_unknown:"Unbekannt",next_break_in:"Nächste Pause in {time}",break_due_now:"Zeit für eine Pause",routine_is_the_break:"Diese Übungen sind deine Pause",ring_label:"{done} % der Zeit bis zur nächsten Pause",sitting_for:"Sitzt seit {time}",minutes:"{m} min",hours_minutes:"{h} h {m} min",less_than_a_minute:"< 1 min",today:"Heute",sitting_today:"Sitzzeit",longest_stretch:"Längste Sitzphase",standing_today:"Stehzeit",breaks:"Pausen",compliance:"Fällige Pausen gemacht",proven:"Von Sensoren belegt",proven_split:"{n}: {walked} gegangen, {moved} bewegt, {stood} gestanden",breaks_taken:"gemacht",breaks_skipped:"übersprungen",breaks_missed:"verpasst",take_break:"Pause gemacht",take_break_label:"Pause gemacht: jetzt eine Pause zählen",snooze:"Verschieben",snooze_label:"Die Pause verschieben",skip:"Überspringen",skip_label:"Diese Pause überspringen",pause_reminders:"Bis morgen still",pause_reminders_label:"Die Erinnerungen pausieren, bis morgen die aktiven Stunden beginnen",resume_reminders:"Erinnerungen an",resume_reminders_label:"Pause beenden: Pausen wieder ansagen",paused_until:"Erinnerungen pausiert bis {time}",stretch:"Dehnen",stretch_label:"Dehnen: das Dehnprogramm starten",strengthen:"Kräftigen",strengthen_label:"Kräftigen: das Kräftigungsprogramm starten",routine_paused:"Pausiert",step_of:"Schritt {index} von {total}",set_of:"Satz {set} von {sets}",reps:"{reps} Wiederholungen",hold:"Halten",rest:"Pause",listen:"Zuhören…",listen_label:"Hör dir die Anleitung an",side_1:"Linke Seite",side_2:"Rechte Seite",time_left:"noch {time}",pause:"Pausieren",pause_label:"Die Übungen pausieren",resume:"Weiter",resume_label:"Weiter: die Übungen fortsetzen",next:"Nächster",next_label:"Nächster Schritt",stop:"Beenden",stop_label:"Die Übungen beenden",hurts:"Das tut weh",hurts_label:"Das tut weh: die Übungen sofort beenden",advice_title:"Übungen beendet",dismiss_label:"Diesen Hinweis ausblenden",week:"Sitzzeit, letzte 7 Tage",week_standing:"Sitzen und Stehen, letzte 7 Tage",week_empty:"Noch keine Daten.",week_today_only:"Frühere Tage erscheinen hier, sobald sie aufgezeichnet sind.",legend_sitting:"Sitzen",legend_standing:"Stehen",day_value:"{day}: {value}",day_value_standing:"{day}: {value} gesessen, {standing} gestanden",editor_desk:"Schreibtisch",editor_show_ring:"Ring und nächste Pause",editor_show_today:"Heutige Summen",editor_show_buttons:"Knöpfe",editor_show_routine:"Laufende Übungen",editor_show_week:"Letzte 7 Tage"},Ht={en:ye,de:Mt};function k(s){return s?.locale?.language??s?.language??"en"}function B(s){let e=Ht[s.toLowerCase().split("-")[0]??"en"]??ye;return(t,n={})=>(e[t]??ye[t]??t).replace(/\{(\w+)\}/g,(i,r)=>r in n?String(n[r]):i)}var x=["ring","today","buttons","routine","week"];var Nt=[{name:"device_id",required:!0,selector:{device:{filter:{integration:P}}}},{name:"",type:"grid",schema:x.map(s=>({name:`show_${s}`,selector:{boolean:{}}}))}];function It(s,e){let n={device_id:s.device_id??G(e,s)?.deviceId??""};for(let i of x)n[`show_${i}`]=s[`show_${i}`]!==!1;return n}function Ut(s,e){let t={...s},n=e.device_id;typeof n=="string"&&n?(t.device_id=n,n!==s.device_id&&delete t.entry_id):delete t.device_id;for(let i of x){let r=`show_${i}`;e[r]===!1?t[r]=!1:delete t[r]}return t}async function Lt(){if(customElements.get("ha-form"))return;let s=await window.loadCardHelpers?.();if(!s)return;s.createCardElement({type:"entities",entities:[]}),await(await customElements.whenDefined("hui-entities-card")).getConfigElement?.()}function Ot(s,e){if(s==="device_id")return e("editor_desk");let t=x.find(n=>s===`show_${n}`);return t?e(`editor_show_${t}`):""}var be=class extends b{static properties={hass:{attribute:!1},_config:{state:!0}};setConfig(e){this._config=e}connectedCallback(){super.connectedCallback(),customElements.get("ha-form")||(Lt().catch(()=>{}),customElements.whenDefined("ha-form").then(()=>this.requestUpdate()))}render(){if(!this.hass||!this._config||!customElements.get("ha-form"))return c;let e=B(k(this.hass));return h`<ha-form
      .hass=${this.hass}
      .data=${It(this._config,this.hass)}
      .schema=${Nt}
      .computeLabel=${t=>Ot(t.name,e)}
      @value-changed=${this._valueChanged}
    ></ha-form>`}_valueChanged(e){e.stopPropagation(),this._config&&(this._config=Ut(this._config,e.detail.value),this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:this._config},bubbles:!0,composed:!0})))}};J("desk-coach-card-editor",be);var et=se`
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
`;function S(s){if(typeof s!="string"||s==="")return;let e=Date.parse(s);return Number.isNaN(e)?void 0:e}function y(s){if(typeof s=="number")return Number.isFinite(s)?s:void 0;if(typeof s!="string"||s.trim()==="")return;let e=Number(s);return Number.isFinite(e)?e:void 0}function Vt(s,e){return Math.max(0,Math.floor((s-e)/6e4+.5))}function tt(s,e){return Math.max(0,Math.floor((e-s)/6e4))}function nt(s,e){return Math.max(0,Math.ceil((s-e)/1e3))}function st(s,e,t){if(s===void 0)return 0;if(s<=e)return 1;if(!t||t<=0)return 0;let n=(s-e)/(t*6e4);return Math.min(1,Math.max(0,1-n))}function z(s,e){let t=Math.max(0,Math.floor(s));return t<60?e("minutes",{m:t}):e("hours_minutes",{h:Math.floor(t/60),m:t%60})}function ve(s,e,t){let n=Vt(s,e);return n===0&&s>e?t("less_than_a_minute"):z(n,t)}function it(s){let e=Math.max(0,Math.ceil(s));return`${Math.floor(e/60)}:${String(e%60).padStart(2,"0")}`}var Bt={ms:1/6e4,s:1/60,min:1,h:60,d:1440};function Q(s,e){let t=y(s);if(t===void 0)return;let n=typeof e=="string"?Bt[e]:void 0;return t*(n??1)}var jt=864e5,$e=7;function at(s,e){return{type:"recorder/statistics_during_period",start_time:new Date(e-($e+1)*jt).toISOString(),statistic_ids:s,period:"day",types:["change"],units:{duration:"min"}}}function j(s,e){let t=new Intl.DateTimeFormat("en-US",{timeZone:e,year:"numeric",month:"2-digit",day:"2-digit"}).formatToParts(new Date(s)),n=i=>t.find(r=>r.type===i)?.value??"";return`${n("year")}-${n("month")}-${n("day")}`}function Ft(s,e){let[t,n,i]=s.split("-").map(Number);return new Date(Date.UTC(t,n-1,i+e)).toISOString().slice(0,10)}function rt(s,e,t){return new Intl.DateTimeFormat(e,{weekday:t,timeZone:"UTC"}).format(new Date(`${s}T12:00:00Z`))}function ot(s,e,t,n){let i=new Map;for(let r of s.rows??[])typeof r.change=="number"&&i.set(j(r.start,n),r.change);return e.map(r=>r===t?s.today:i.get(r))}function dt(s,e,t,n,i,r){let o=j(t,n),l=Array.from({length:$e},(m,_)=>Ft(o,_-($e-1))),a=ot(s,l,o,n),u=e&&ot(e,l,o,n),p=Math.max(1,...[...a,...u??[]].map(m=>m??0)),d=m=>({minutes:m,fraction:Math.max(0,m??0)/p,value:Wt(m,i)}),g=m=>m===void 0?"–":z(m,r);return l.map((m,_)=>{let M=rt(m,i,"long");return{day:m,label:rt(m,i,"short"),today:m===o,sitting:d(a[_]),standing:u&&d(u[_]),description:u?r("day_value_standing",{day:M,value:g(a[_]),standing:g(u[_])}):r("day_value",{day:M,value:g(a[_])})}})}function Wt(s,e){return s===void 0?"":s<60?`${Math.floor(Math.max(0,s))} min`:`${new Intl.NumberFormat(e,{maximumFractionDigits:1}).format(s/60)} h`}var Kt=["sitting","due","snoozed","standing","away","quiet","routine"],we=["running","paused"];function f(s,e,t){let n=e.entities[t];return n?s.states[n]:void 0}function xe(s){return!!s&&s.state!=="unavailable"&&s.state!=="unknown"}function X(s,e,t){let n=S(f(s,e,"sitting_since")?.state);return n===void 0?void 0:tt(n,t)}function qt(s,e){return s===void 0?"":e("sitting_for",{time:s===0?e("less_than_a_minute"):z(s,e)})}function ct(s,e,t,n){let i=f(s,e,"break_status")?.state??"unknown",r=n(Kt.includes(i)?`status_${i}`:"status_unknown"),o=S(f(s,e,"next_break")?.state),l=y(f(s,e,"break_interval")?.state),a=i==="routine",u=!a&&(i==="due"||o!==void 0&&o<=t),p=!a&&o!==void 0&&!u;return{status:i,statusText:r,headline:a?n("routine_is_the_break"):u?n("break_due_now"):p?n("next_break_in",{time:ve(o,t,n)}):r,center:p?ve(o,t,n):"",fraction:st(o,t,l),due:u,sitting:o!==void 0,stretch:qt(X(s,e,t),n)}}function lt(s,e,t,n,i){let r=S(f(s,e,"break_status")?.attributes.paused_until);if(r===void 0||r<=t)return;let o=s.config.time_zone,l=j(r,o)===j(t,o),a=new Intl.DateTimeFormat(n,{...l?{}:{weekday:"short"},hour:"2-digit",minute:"2-digit",hourCycle:"h23",timeZone:o}).format(r);return i("paused_until",{time:a})}function ut(s,e,t){let n=S(f(s,e,"next_break")?.state),i=f(s,e,"routine")?.state??"";return n!==void 0&&n>t||we.includes(i)||Se(s,e,t)!==void 0}function Yt(s,e){let t=xe(s)?y(s.state):void 0;if(s===void 0||t===void 0)return;if(t===0)return"0";let n=i=>y(s.attributes[i])??0;return e("proven_split",{n:t,walked:n("walked"),moved:n("moved"),stood:n("stood")})}function ke(s,e){if(!xe(s))return;let t=Q(s.state,s.attributes.unit_of_measurement);return t===void 0?void 0:z(t,e)}function Zt(s,e){let t=xe(s)?y(s.state):void 0;return t===void 0?void 0:new Intl.NumberFormat(e,{style:"percent",maximumFractionDigits:0}).format(t/100)}function ht(s,e,t,n){let i=r=>{let o=y(f(s,e,r)?.state);return o===void 0?"–":String(o)};return{sitting:ke(f(s,e,"sitting_today"),n)??"–",longest:ke(f(s,e,"longest_stretch"),n),standing:ke(f(s,e,"standing_today"),n),compliance:Zt(f(s,e,"compliance"),t),proven:Yt(f(s,e,"breaks_proven"),n),breaks:{taken:i("breaks_taken"),skipped:i("breaks_skipped"),missed:i("breaks_missed")}}}function A(s){return typeof s=="string"?s:typeof s=="number"?String(s):""}function pt(s,e,t,n){let i=f(s,e,"routine");if(!i||!we.includes(i.state))return;let r=i.attributes,o=i.state==="paused",l=r.step_kind==="rest",a=y(r.hold),u=y(r.reps),p=y(r.total_sets)??1,d=y(r.side),g=S(r.phase_ends_at),m=r.phase==="listen"&&(o||g===void 0||t<g),_="";if((l||a)&&!m){let De=S(r.step_ends_at),te=o?y(r.remaining_seconds):De===void 0?void 0:nt(De,t);te!==void 0&&(_=it(a&&!l?Math.min(te,a):te))}let M=y(r.step_index),Ce=y(r.steps_total);return{paused:o,routineName:A(r.routine_name)||A(r.routine),progress:M&&Ce?n("step_of",{index:M,total:Ce}):"",rest:l,exerciseName:A(r.exercise_name)||A(r.exercise),side:d===1||d===2?n(d===1?"side_1":"side_2"):"",set:p>1?n("set_of",{set:A(r.set),sets:p}):"",task:l?n("rest"):a?n("hold"):u?n("reps",{reps:u}):"",listening:m,countdown:_,cues:Array.isArray(r.cues)?r.cues.map(A).filter(Boolean):[],safety:A(r.safety)}}function Se(s,e,t){let n=f(s,e,"routine");if(!n||we.includes(n.state))return;let i=A(n.attributes.advice),r=S(n.attributes.advice_until);if(!(!i||r===void 0||r<=t))return{text:i,id:String(n.attributes.advice_until)}}var ee="desk-coach-card",Gt=36e5,Jt=5*6e4,Ae=44,mt=2*Math.PI*Ae,gt="desk-coach-card:dismissed-advice:";function Qt(s){try{return localStorage.getItem(gt+s)}catch{return null}}function Xt(s,e){try{localStorage.setItem(gt+s,e)}catch{}}var Ee=class extends b{static properties={hass:{attribute:!1},_config:{state:!0},_now:{state:!0},_week:{state:!0},_busy:{state:!0},_dismissed:{state:!0}};static styles=et;_timer;_desk;_deskFrom;_weekFetched;constructor(){super(),this._now=Date.now()}static getConfigElement(){return document.createElement(`${ee}-editor`)}static getStubConfig(e){let t=fe(e)[0];return t?{device_id:t.id}:{}}setConfig(e){if(!e||typeof e!="object")throw new Error("Invalid configuration");for(let t of["device_id","entry_id"])if(e[t]!==void 0&&typeof e[t]!="string")throw new Error(`${t} must be a text`);for(let t of x){let n=e[`show_${t}`];if(n!==void 0&&typeof n!="boolean")throw new Error(`show_${t} must be true or false`)}this._config={...e}}getCardSize(){let e={ring:2,today:2,buttons:1,routine:0,week:2};return 1+x.reduce((t,n)=>t+(this._shows(n)?e[n]:0),0)}getGridOptions(){return{columns:12,min_columns:6}}connectedCallback(){super.connectedCallback(),this._timer=setInterval(()=>this._tick(),1e3)}disconnectedCallback(){super.disconnectedCallback(),clearInterval(this._timer),this._timer=void 0}_shows(e){return this._config?.[`show_${e}`]!==!1}_resolve(){let{hass:e,_config:t}=this;if(!e||!t)return;let n=[t,e.entities,e.devices];return(!this._deskFrom||n.some((i,r)=>i!==this._deskFrom[r]))&&(this._desk=G(e,t),this._deskFrom=n),this._desk}_tick(){let e=Date.now(),t=this._resolve(),n=this.hass,i=!!t&&!!n&&ut(n,t,e),r=!!t&&!!n&&X(n,t,e)!==X(n,t,this._now);(i||r||Math.floor(e/6e4)!==Math.floor(this._now/6e4))&&(this._now=e),this._fetchWeek(e)}shouldUpdate(e){if(e.size>1||!e.has("hass"))return!0;let t=e.get("hass"),n=this.hass;if(!t||!n||t.entities!==n.entities||t.devices!==n.devices||k(t)!==k(n))return!0;let i=this._resolve();return i?Object.values(i.entities).some(r=>t.states[r]!==n.states[r]):!1}willUpdate(e){e.has("hass")&&(this._now=Date.now())}updated(){this._fetchWeek(this._now)}async _fetchWeek(e){let t=this._resolve();if(!this.hass||!t?.entities.sitting_today||!this._shows("week"))return;let n=[t.entities.sitting_today,t.entities.standing_today].filter(o=>!!o),i=Math.floor((e-Jt)/Gt),r=`${n.join(" ")} ${i}`;if(this._weekFetched!==r){this._weekFetched=r;try{this._week=await this.hass.callWS(at(n,e))}catch{this._week={}}}}async _call(e,t={}){let n=this._resolve();if(!(!this.hass||!n)){this._busy=e;try{await this.hass.callService(P,e,{...n.entryId?{config_entry_id:n.entryId}:{},...t})}catch{}finally{this._busy=void 0}}}render(){if(!this._config||!this.hass)return c;let e=B(k(this.hass)),t=this._resolve();if(!t){let l=this._config.device_id||this._config.entry_id;return h`<ha-card>
        <div class="message">${e(l?"desk_not_found":"no_desk")}</div>
      </ha-card>`}let n=this._now,i=ct(this.hass,t,n,e),r=pt(this.hass,t,n,e),o=this._advice(t,n);return h`<ha-card>
      <h2>${t.name}</h2>
      ${this._shows("ring")?this._renderRing(i,e):c}
      ${this._shows("today")?this._renderToday(t,e):c}
      ${this._shows("routine")&&r?this._renderRoutine(r,e):c}
      ${this._shows("routine")&&o?this._renderAdvice(t,o,e):c}
      ${this._shows("buttons")?this._renderButtons(i,!!r,e):c}
      ${this._shows("buttons")?this._renderPause(t,n,e):c}
      ${this._shows("week")?this._renderWeek(t,e):c}
    </ha-card>`}_renderRing(e,t){let n=mt*e.fraction,i=e.due?"due":e.center?"counting":"idle";return h`<section class="ring-row ${i}">
      <div
        class="ring ${i}"
        role="img"
        aria-label=${t("ring_label",{done:Math.round(e.fraction*100)})}
      >
        <svg viewBox="0 0 100 100" aria-hidden="true">
          ${Ke`<circle class="track" cx="50" cy="50" r=${Ae}></circle>
            <circle class="fill" cx="50" cy="50" r=${Ae}
              stroke-dasharray="${n} ${mt}" transform="rotate(-90 50 50)"></circle>`}
        </svg>
        <div class="center" aria-hidden="true">${e.center}</div>
      </div>
      <div>
        <div class="headline">${e.headline}</div>
        ${e.headline!==e.statusText&&!(e.status==="sitting"&&e.stretch)?h`<div class="secondary">${e.statusText}</div>`:c}
        ${e.stretch?h`<div class="stretch">${e.stretch}</div>`:c}
      </div>
    </section>`}_renderToday(e,t){let n=ht(this.hass,e,k(this.hass),t);return h`<section class="today">
      <h3>${t("today")}</h3>
      <dl>
        <dt>${t("sitting_today")}</dt>
        <dd class="sitting">${n.sitting}</dd>
        ${n.longest!==void 0?h`<dt>${t("longest_stretch")}</dt>
                <dd class="longest">${n.longest}</dd>`:c}
        ${n.standing!==void 0?h`<dt>${t("standing_today")}</dt>
                <dd class="standing">${n.standing}</dd>`:c}
      </dl>
      <div class="breaks" role="group" aria-label=${t("breaks")}>
        ${["taken","skipped","missed"].map(i=>h`<div class="counter ${i}">
              <span class="number">${n.breaks[i]}</span>
              <span class="what">${t(`breaks_${i}`)}</span>
            </div>`)}
      </div>
      ${n.compliance!==void 0||n.proven!==void 0?h`<dl>
              ${n.compliance!==void 0?h`<dt>${t("compliance")}</dt>
                      <dd class="compliance">${n.compliance}</dd>`:c}
              ${n.proven!==void 0?h`<dt>${t("proven")}</dt>
                      <dd class="proven">${n.proven}</dd>`:c}
            </dl>`:c}
    </section>`}_button(e,t,n,i,r,o={}){return h`<button
      class=${o.danger?"danger":""}
      data-action=${e}
      aria-label=${i(`${n}_label`)}
      ?disabled=${o.disabled||this._busy!==void 0&&!o.danger}
      @click=${r}
    >
      <ha-icon icon=${t} aria-hidden="true"></ha-icon>${i(n)}
    </button>`}_renderButtons(e,t,n){let i={disabled:!e.sitting};return h`<section class="buttons actions">
      ${this._button("take_break","mdi:coffee-outline","take_break",n,()=>this._call("take_break"),i)}
      ${this._button("snooze","mdi:alarm-snooze","snooze",n,()=>this._call("snooze"),i)}
      ${e.due?this._button("skip_break","mdi:skip-next-circle-outline","skip",n,()=>this._call("skip_break")):c}
      ${this._button("stretching","mdi:human-handsup","stretch",n,()=>this._call("start_routine",{routine:"stretching"}),{disabled:t})}
      ${this._button("strengthening","mdi:arm-flex-outline","strengthen",n,()=>this._call("start_routine",{routine:"strengthening"}),{disabled:t})}
    </section>`}_renderPause(e,t,n){let i=lt(this.hass,e,t,k(this.hass),n);return h`<section class="pause-row">
      ${i?h`<span class="paused">${i}</span>`:c}
      ${i?this._button("resume_reminders","mdi:bell-ring-outline","resume_reminders",n,()=>this._call("resume_reminders")):this._button("pause_reminders","mdi:bell-sleep-outline","pause_reminders",n,()=>this._call("pause_reminders",{until_active_hours:!0}))}
    </section>`}_renderRoutine(e,t){return h`<section class="routine ${e.paused?"paused":""}">
      <div class="routine-head">
        <span class="routine-name">${e.routineName}</span>
        <span>${e.paused?t("routine_paused"):e.progress}</span>
      </div>
      <div class="exercise">${e.exerciseName}</div>
      <div class="secondary">${[e.side,e.set].filter(Boolean).join(" · ")}</div>
      <div class="task">
        <span class="task-name">${e.task}</span>
        ${e.listening?h`<span class="listen" aria-label=${t("listen_label")}>${t("listen")}</span>`:c}
        ${e.countdown?h`<span
                class="countdown"
                role="timer"
                aria-label=${t("time_left",{time:e.countdown})}
                >${e.countdown}</span
              >`:c}
      </div>
      ${e.cues.length&&!e.rest?h`<ul class="cues">
              ${e.cues.map(n=>h`<li>${n}</li>`)}
            </ul>`:c}
      ${e.safety?h`<div class="safety">${e.safety}</div>`:c}
      <div class="buttons">
        ${e.paused?this._button("resume_routine","mdi:play","resume",t,()=>this._call("resume_routine")):this._button("pause_routine","mdi:pause","pause",t,()=>this._call("pause_routine"))}
        ${this._button("next_step","mdi:skip-next","next",t,()=>this._call("next_step"))}
        ${this._button("stop_routine","mdi:stop","stop",t,()=>this._call("stop_routine"))}
        ${this._button("pain","mdi:hand-back-left-outline","hurts",t,()=>this._call("stop_routine",{reason:"pain"}),{danger:!0})}
      </div>
    </section>`}_advice(e,t){let n=Se(this.hass,e,t),i=e.entities.routine;return!n||!i||this._dismissed===n.id||Qt(i)===n.id?void 0:n}_renderAdvice(e,t,n){let i=()=>{this._dismissed=t.id,Xt(e.entities.routine,t.id)};return h`<section class="advice" role="alert">
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
    </section>`}_series(e,t){let n=e.entities[t];if(!n)return;let i=this.hass.states[n];return{rows:this._week?.[n],today:i&&Q(i.state,i.attributes.unit_of_measurement)}}_renderWeek(e,t){let n=this.hass,i=this._series(e,"sitting_today")??{rows:[],today:void 0},r=this._series(e,"standing_today"),o=dt(i,r,this._now,n.config.time_zone,k(n),t),l=[i,r].some(d=>(d?.rows??[]).length>0),a=o.some(d=>d.today&&(d.sitting.minutes??0)>0),u=this._week===void 0||l?void 0:a?"week_today_only":"week_empty",p=(d,g)=>h`<div class="bar ${g}" style=${Qe({height:`${d.fraction*100}%`})}></div>`;return h`<section class="week">
      <h3>${t(r?"week_standing":"week")}</h3>
      <div class="bars" role="list">
        ${o.map(d=>h`<div
              class="day ${d.today?"today":""}"
              role="listitem"
              aria-label=${d.description}
              title=${d.description}
            >
              <span class="value" aria-hidden="true">${d.sitting.value}</span>
              <div class="track" aria-hidden="true">
                ${p(d.sitting,"sitting")}
                ${d.standing?p(d.standing,"standing"):c}
              </div>
              <span class="label" aria-hidden="true">${d.label}</span>
            </div>`)}
      </div>
      ${r?h`<div class="legend" aria-hidden="true">
              <span><i class="sitting"></i>${t("legend_sitting")}</span>
              <span><i class="standing"></i>${t("legend_standing")}</span>
            </div>`:c}
      ${u?h`<div class="note">${t(u)}</div>`:c}
    </section>`}};J(ee,Ee);window.customCards=window.customCards??[];if(!window.customCards.some(s=>s.type===ee)){let s=B(navigator.language??"en");window.customCards.push({type:ee,name:s("card_name"),description:s("card_description"),preview:!0,documentationURL:"https://github.com/desk-coach/desk-coach#the-dashboard-card"})}export{ee as CARD_TYPE,Ee as DeskCoachCard};
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
