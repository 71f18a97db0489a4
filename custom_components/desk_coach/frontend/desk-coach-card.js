/* Desk Coach card 0.1.0: built from frontend/src by `npm run build`; do not edit. */
var j=globalThis,F=j.ShadowRoot&&(j.ShadyCSS===void 0||j.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,J=Symbol(),ke=new WeakMap,z=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==J)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(F&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=ke.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&ke.set(t,e))}return e}toString(){return this.cssText}},we=n=>new z(typeof n=="string"?n:n+"",void 0,J),Q=(n,...e)=>{let t=n.length===1?n[0]:e.reduce((s,i,r)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+n[r+1],n[0]);return new z(t,n,J)},xe=(n,e)=>{if(F)n.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),i=j.litNonce;i!==void 0&&s.setAttribute("nonce",i),s.textContent=t.cssText,n.appendChild(s)}},X=F?n=>n:n=>n instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return we(t)})(n):n;var{is:ot,defineProperty:at,getOwnPropertyDescriptor:dt,getOwnPropertyNames:ct,getOwnPropertySymbols:lt,getPrototypeOf:ut}=Object,W=globalThis,Se=W.trustedTypes,ht=Se?Se.emptyScript:"",pt=W.reactiveElementPolyfillSupport,N=(n,e)=>n,ee={toAttribute(n,e){switch(e){case Boolean:n=n?ht:null;break;case Object:case Array:n=n==null?n:JSON.stringify(n)}return n},fromAttribute(n,e){let t=n;switch(e){case Boolean:t=n!==null;break;case Number:t=n===null?null:Number(n);break;case Object:case Array:try{t=JSON.parse(n)}catch{t=null}}return t}},Ee=(n,e)=>!ot(n,e),Ae={attribute:!0,type:String,converter:ee,reflect:!1,useDefault:!1,hasChanged:Ee};Symbol.metadata??=Symbol("metadata"),W.litPropertyMetadata??=new WeakMap;var $=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Ae){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),i=this.getPropertyDescriptor(e,s,t);i!==void 0&&at(this.prototype,e,i)}}static getPropertyDescriptor(e,t,s){let{get:i,set:r}=dt(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:i,set(o){let l=i?.call(this);r?.call(this,o),this.requestUpdate(e,l,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Ae}static _$Ei(){if(this.hasOwnProperty(N("elementProperties")))return;let e=ut(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(N("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(N("properties"))){let t=this.properties,s=[...ct(t),...lt(t)];for(let i of s)this.createProperty(i,t[i])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,i]of t)this.elementProperties.set(s,i)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let i=this._$Eu(t,s);i!==void 0&&this._$Eh.set(i,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let i of s)t.unshift(X(i))}else e!==void 0&&t.push(X(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return xe(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),i=this.constructor._$Eu(e,s);if(i!==void 0&&s.reflect===!0){let r=(s.converter?.toAttribute!==void 0?s.converter:ee).toAttribute(t,s.type);this._$Em=e,r==null?this.removeAttribute(i):this.setAttribute(i,r),this._$Em=null}}_$AK(e,t){let s=this.constructor,i=s._$Eh.get(e);if(i!==void 0&&this._$Em!==i){let r=s.getPropertyOptions(i),o=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:ee;this._$Em=i;let l=o.fromAttribute(t,r.type);this[i]=l??this._$Ej?.get(i)??l,this._$Em=null}}requestUpdate(e,t,s,i=!1,r){if(e!==void 0){let o=this.constructor;if(i===!1&&(r=this[e]),s??=o.getPropertyOptions(e),!((s.hasChanged??Ee)(r,t)||s.useDefault&&s.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:i,wrapped:r},o){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),r!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),i===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,r]of this._$Ep)this[i]=r;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[i,r]of s){let{wrapped:o}=r,l=this[i];o!==!0||this._$AL.has(i)||l===void 0||this.C(i,void 0,r,l)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};$.elementStyles=[],$.shadowRootOptions={mode:"open"},$[N("elementProperties")]=new Map,$[N("finalized")]=new Map,pt?.({ReactiveElement:$}),(W.reactiveElementVersions??=[]).push("2.1.2");var ae=globalThis,Ce=n=>n,K=ae.trustedTypes,De=K?K.createPolicy("lit-html",{createHTML:n=>n}):void 0,Me="$lit$",k=`lit$${Math.random().toFixed(9).slice(2)}$`,He="?"+k,gt=`<${He}>`,E=document,H=()=>E.createComment(""),U=n=>n===null||typeof n!="object"&&typeof n!="function",de=Array.isArray,mt=n=>de(n)||typeof n?.[Symbol.iterator]=="function",te=`[ 	
\f\r]`,M=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Te=/-->/g,Re=/>/g,S=RegExp(`>|${te}(?:([^\\s"'>=/]+)(${te}*=${te}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Pe=/'/g,ze=/"/g,Ue=/^(?:script|style|textarea|title)$/i,ce=n=>(e,...t)=>({_$litType$:n,strings:e,values:t}),p=ce(1),Oe=ce(2),Vt=ce(3),v=Symbol.for("lit-noChange"),c=Symbol.for("lit-nothing"),Ne=new WeakMap,A=E.createTreeWalker(E,129);function Le(n,e){if(!de(n)||!n.hasOwnProperty("raw"))throw Error("invalid template strings array");return De!==void 0?De.createHTML(e):e}var ft=(n,e)=>{let t=n.length-1,s=[],i,r=e===2?"<svg>":e===3?"<math>":"",o=M;for(let l=0;l<t;l++){let a=n[l],d,g,u=-1,m=0;for(;m<a.length&&(o.lastIndex=m,g=o.exec(a),g!==null);)m=o.lastIndex,o===M?g[1]==="!--"?o=Te:g[1]!==void 0?o=Re:g[2]!==void 0?(Ue.test(g[2])&&(i=RegExp("</"+g[2],"g")),o=S):g[3]!==void 0&&(o=S):o===S?g[0]===">"?(o=i??M,u=-1):g[1]===void 0?u=-2:(u=o.lastIndex-g[2].length,d=g[1],o=g[3]===void 0?S:g[3]==='"'?ze:Pe):o===ze||o===Pe?o=S:o===Te||o===Re?o=M:(o=S,i=void 0);let h=o===S&&n[l+1].startsWith("/>")?" ":"";r+=o===M?a+gt:u>=0?(s.push(d),a.slice(0,u)+Me+a.slice(u)+k+h):a+k+(u===-2?l:h)}return[Le(n,r+(n[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},O=class n{constructor({strings:e,_$litType$:t},s){let i;this.parts=[];let r=0,o=0,l=e.length-1,a=this.parts,[d,g]=ft(e,t);if(this.el=n.createElement(d,s),A.currentNode=this.el.content,t===2||t===3){let u=this.el.content.firstChild;u.replaceWith(...u.childNodes)}for(;(i=A.nextNode())!==null&&a.length<l;){if(i.nodeType===1){if(i.hasAttributes())for(let u of i.getAttributeNames())if(u.endsWith(Me)){let m=g[o++],h=i.getAttribute(u).split(k),f=/([.?@])?(.*)/.exec(m);a.push({type:1,index:r,name:f[2],strings:h,ctor:f[1]==="."?ne:f[1]==="?"?ie:f[1]==="@"?re:T}),i.removeAttribute(u)}else u.startsWith(k)&&(a.push({type:6,index:r}),i.removeAttribute(u));if(Ue.test(i.tagName)){let u=i.textContent.split(k),m=u.length-1;if(m>0){i.textContent=K?K.emptyScript:"";for(let h=0;h<m;h++)i.append(u[h],H()),A.nextNode(),a.push({type:2,index:++r});i.append(u[m],H())}}}else if(i.nodeType===8)if(i.data===He)a.push({type:2,index:r});else{let u=-1;for(;(u=i.data.indexOf(k,u+1))!==-1;)a.push({type:7,index:r}),u+=k.length-1}r++}}static createElement(e,t){let s=E.createElement("template");return s.innerHTML=e,s}};function D(n,e,t=n,s){if(e===v)return e;let i=s!==void 0?t._$Co?.[s]:t._$Cl,r=U(e)?void 0:e._$litDirective$;return i?.constructor!==r&&(i?._$AO?.(!1),r===void 0?i=void 0:(i=new r(n),i._$AT(n,t,s)),s!==void 0?(t._$Co??=[])[s]=i:t._$Cl=i),i!==void 0&&(e=D(n,i._$AS(n,e.values),i,s)),e}var se=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,i=(e?.creationScope??E).importNode(t,!0);A.currentNode=i;let r=A.nextNode(),o=0,l=0,a=s[0];for(;a!==void 0;){if(o===a.index){let d;a.type===2?d=new L(r,r.nextSibling,this,e):a.type===1?d=new a.ctor(r,a.name,a.strings,this,e):a.type===6&&(d=new oe(r,this,e)),this._$AV.push(d),a=s[++l]}o!==a?.index&&(r=A.nextNode(),o++)}return A.currentNode=E,i}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},L=class n{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,i){this.type=2,this._$AH=c,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=D(this,e,t),U(e)?e===c||e==null||e===""?(this._$AH!==c&&this._$AR(),this._$AH=c):e!==this._$AH&&e!==v&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):mt(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==c&&U(this._$AH)?this._$AA.nextSibling.data=e:this.T(E.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,i=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=O.createElement(Le(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===i)this._$AH.p(t);else{let r=new se(i,this),o=r.u(this.options);r.p(t),this.T(o),this._$AH=r}}_$AC(e){let t=Ne.get(e.strings);return t===void 0&&Ne.set(e.strings,t=new O(e)),t}k(e){de(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,i=0;for(let r of e)i===t.length?t.push(s=new n(this.O(H()),this.O(H()),this,this.options)):s=t[i],s._$AI(r),i++;i<t.length&&(this._$AR(s&&s._$AB.nextSibling,i),t.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=Ce(e).nextSibling;Ce(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},T=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,i,r){this.type=1,this._$AH=c,this._$AN=void 0,this.element=e,this.name=t,this._$AM=i,this.options=r,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=c}_$AI(e,t=this,s,i){let r=this.strings,o=!1;if(r===void 0)e=D(this,e,t,0),o=!U(e)||e!==this._$AH&&e!==v,o&&(this._$AH=e);else{let l=e,a,d;for(e=r[0],a=0;a<r.length-1;a++)d=D(this,l[s+a],t,a),d===v&&(d=this._$AH[a]),o||=!U(d)||d!==this._$AH[a],d===c?e=c:e!==c&&(e+=(d??"")+r[a+1]),this._$AH[a]=d}o&&!i&&this.j(e)}j(e){e===c?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},ne=class extends T{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===c?void 0:e}},ie=class extends T{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==c)}},re=class extends T{constructor(e,t,s,i,r){super(e,t,s,i,r),this.type=5}_$AI(e,t=this){if((e=D(this,e,t,0)??c)===v)return;let s=this._$AH,i=e===c&&s!==c||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,r=e!==c&&(s===c||i);i&&this.element.removeEventListener(this.name,this,s),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},oe=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){D(this,e)}};var _t=ae.litHtmlPolyfillSupport;_t?.(O,L),(ae.litHtmlVersions??=[]).push("3.3.3");var Ie=(n,e,t)=>{let s=t?.renderBefore??e,i=s._$litPart$;if(i===void 0){let r=t?.renderBefore??null;s._$litPart$=i=new L(e.insertBefore(H(),r),r,void 0,t??{})}return i._$AI(n),i};var le=globalThis,b=class extends ${constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Ie(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return v}};b._$litElement$=!0,b.finalized=!0,le.litElementHydrateSupport?.({LitElement:b});var yt=le.litElementPolyfillSupport;yt?.({LitElement:b});(le.litElementVersions??=[]).push("4.2.2");var Be={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},Ve=n=>(...e)=>({_$litDirective$:n,values:e}),q=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,s){this._$Ct=e,this._$AM=t,this._$Ci=s}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var je="important",bt=" !"+je,Fe=Ve(class extends q{constructor(n){if(super(n),n.type!==Be.ATTRIBUTE||n.name!=="style"||n.strings?.length>2)throw Error("The `styleMap` directive must be used in the `style` attribute and must be the only part in the attribute.")}render(n){return Object.keys(n).reduce((e,t)=>{let s=n[t];return s==null?e:e+`${t=t.includes("-")?t:t.replace(/(?:^(webkit|moz|ms|o)|)(?=[A-Z])/g,"-$&").toLowerCase()}:${s};`},"")}update(n,[e]){let{style:t}=n.element;if(this.ft===void 0)return this.ft=new Set(Object.keys(e)),this.render(e);for(let s of this.ft)e[s]==null&&(this.ft.delete(s),s.includes("-")?t.removeProperty(s):t[s]=null);for(let s in e){let i=e[s];if(i!=null){this.ft.add(s);let r=typeof i=="string"&&i.endsWith(bt);s.includes("-")||r?t.setProperty(s,r?i.slice(0,-11):i,r?je:""):t[s]=i}}return v}});var R="desk_coach",$t={next_break:["sensor","next_break"],break_status:["sensor","break_status"],sitting_today:["sensor","sitting_today"],longest_stretch:["sensor","longest_stretch_today"],breaks_taken:["sensor","breaks_taken_today"],breaks_skipped:["sensor","breaks_skipped_today"],breaks_missed:["sensor","breaks_missed_today"],standing_today:["sensor","standing_today"],compliance:["sensor","break_compliance_today"],routine:["sensor","routine"],break_interval:["number","break_interval"]};function vt(n){let e=new Set;for(let t of Object.values(n.entities??{}))t?.platform===R&&t.device_id&&e.add(t.device_id);return e}function ue(n){return n.name_by_user||n.name||n.id}function he(n){let e=vt(n);return Object.values(n.devices??{}).filter(t=>!!t&&e.has(t.id)).sort((t,s)=>ue(t).localeCompare(ue(s)))}function Y(n,e){let t=he(n),s=e.device_id?t.find(o=>o.id===e.device_id):e.entry_id?t.find(o=>o.config_entries.includes(e.entry_id)):void 0;if(!s)return;let i=new Map;for(let o of Object.values(n.entities))o?.device_id!==s.id||o.platform!==R||!o.translation_key||i.set(`${o.entity_id.split(".")[0]}.${o.translation_key}`,o.entity_id);let r={};for(let[o,[l,a]]of Object.entries($t)){let d=i.get(`${l}.${a}`);d&&(r[o]=d)}return{deviceId:s.id,entryId:s.primary_config_entry??s.config_entries[0],name:ue(s),entities:r}}var pe={card_name:"Desk Coach",card_description:"Sitting time, the next break and routines of a Desk Coach desk.",no_desk:"Pick a desk in the card's editor.",desk_not_found:"This desk no longer exists. Pick another one in the card's editor.",status_sitting:"Sitting",status_due:"Break due",status_snoozed:"Snoozed",status_standing:"Standing",status_away:"Away",status_quiet:"Quiet time",status_routine:"Routine running",status_unknown:"Unknown",next_break_in:"Next break in {time}",break_due_now:"Time for a break",ring_label:"{done} % of the way to the next break",minutes:"{m} min",hours_minutes:"{h} h {m} min",less_than_a_minute:"< 1 min",today:"Today",sitting_today:"Sitting",longest_stretch:"Longest stretch",standing_today:"Standing",breaks:"Breaks",compliance:"Breaks taken when due",breaks_taken:"taken",breaks_skipped:"skipped",breaks_missed:"missed",take_break:"Break done",take_break_label:"Break done: count a break now",snooze:"Snooze",snooze_label:"Snooze the break",stretch:"Stretch",stretch_label:"Start the stretching routine",strengthen:"Strengthen",strengthen_label:"Start the strengthening routine",routine_paused:"Paused",step_of:"Step {index} of {total}",set_of:"Set {set} of {sets}",reps:"{reps} reps",hold:"Hold",rest:"Rest",side_1:"Left side",side_2:"Right side",time_left:"{time} left",pause:"Pause",pause_label:"Pause the routine",resume:"Resume",resume_label:"Resume the routine",next:"Next",next_label:"Next step",stop:"Stop",stop_label:"Stop the routine",hurts:"That hurts",hurts_label:"That hurts: stop the routine now",week:"Sitting, last 7 days",week_standing:"Sitting and standing, last 7 days",week_empty:"No history yet.",legend_sitting:"Sitting",legend_standing:"Standing",day_value:"{day}: {value}",day_value_standing:"{day}: {value} sitting, {standing} standing",editor_desk:"Desk",editor_show_ring:"Ring and next break",editor_show_today:"Today's totals",editor_show_buttons:"Buttons",editor_show_routine:"Running routine",editor_show_week:"Last 7 days"},kt={card_name:"Desk Coach",card_description:"Sitzzeit, nächste Pause und Übungen eines Desk-Coach-Schreibtischs.",no_desk:"Wähle im Editor der Karte einen Schreibtisch.",desk_not_found:"Diesen Schreibtisch gibt es nicht mehr. Wähle im Editor einen anderen.",status_sitting:"Sitzt",status_due:"Pause fällig",status_snoozed:"Verschoben",status_standing:"Steht",status_away:"Weg",status_quiet:"Ruhezeit",status_routine:"Übungen laufen",status_unknown:"Unbekannt",next_break_in:"Nächste Pause in {time}",break_due_now:"Zeit für eine Pause",ring_label:"{done} % der Zeit bis zur nächsten Pause",minutes:"{m} min",hours_minutes:"{h} h {m} min",less_than_a_minute:"< 1 min",today:"Heute",sitting_today:"Sitzzeit",longest_stretch:"Längste Sitzphase",standing_today:"Stehzeit",breaks:"Pausen",compliance:"Fällige Pausen gemacht",breaks_taken:"gemacht",breaks_skipped:"übersprungen",breaks_missed:"verpasst",take_break:"Pause gemacht",take_break_label:"Pause gemacht: jetzt eine Pause zählen",snooze:"Verschieben",snooze_label:"Die Pause verschieben",stretch:"Dehnen",stretch_label:"Dehnen: das Dehnprogramm starten",strengthen:"Kräftigen",strengthen_label:"Kräftigen: das Kräftigungsprogramm starten",routine_paused:"Pausiert",step_of:"Schritt {index} von {total}",set_of:"Satz {set} von {sets}",reps:"{reps} Wiederholungen",hold:"Halten",rest:"Pause",side_1:"Linke Seite",side_2:"Rechte Seite",time_left:"noch {time}",pause:"Pausieren",pause_label:"Die Übungen pausieren",resume:"Weiter",resume_label:"Weiter: die Übungen fortsetzen",next:"Nächster",next_label:"Nächster Schritt",stop:"Beenden",stop_label:"Die Übungen beenden",hurts:"Das tut weh",hurts_label:"Das tut weh: die Übungen sofort beenden",week:"Sitzzeit, letzte 7 Tage",week_standing:"Sitzen und Stehen, letzte 7 Tage",week_empty:"Noch keine Daten.",legend_sitting:"Sitzen",legend_standing:"Stehen",day_value:"{day}: {value}",day_value_standing:"{day}: {value} gesessen, {standing} gestanden",editor_desk:"Schreibtisch",editor_show_ring:"Ring und nächste Pause",editor_show_today:"Heutige Summen",editor_show_buttons:"Knöpfe",editor_show_routine:"Laufende Übungen",editor_show_week:"Letzte 7 Tage"},wt={en:pe,de:kt};function w(n){return n?.locale?.language??n?.language??"en"}function I(n){let e=wt[n.toLowerCase().split("-")[0]??"en"]??pe;return(t,s={})=>(e[t]??pe[t]??t).replace(/\{(\w+)\}/g,(i,r)=>r in s?String(s[r]):i)}var x=["ring","today","buttons","routine","week"];var xt=[{name:"device_id",required:!0,selector:{device:{filter:{integration:R}}}},{name:"",type:"grid",schema:x.map(n=>({name:`show_${n}`,selector:{boolean:{}}}))}];function St(n,e){let s={device_id:n.device_id??Y(e,n)?.deviceId??""};for(let i of x)s[`show_${i}`]=n[`show_${i}`]!==!1;return s}function At(n,e){let t={...n},s=e.device_id;typeof s=="string"&&s?(t.device_id=s,s!==n.device_id&&delete t.entry_id):delete t.device_id;for(let i of x){let r=`show_${i}`;e[r]===!1?t[r]=!1:delete t[r]}return t}async function Et(){if(customElements.get("ha-form"))return;let n=await window.loadCardHelpers?.();if(!n)return;n.createCardElement({type:"entities",entities:[]}),await(await customElements.whenDefined("hui-entities-card")).getConfigElement?.()}function Ct(n,e){if(n==="device_id")return e("editor_desk");let t=x.find(s=>n===`show_${s}`);return t?e(`editor_show_${t}`):""}var ge=class extends b{static properties={hass:{attribute:!1},_config:{state:!0}};setConfig(e){this._config=e}connectedCallback(){super.connectedCallback(),customElements.get("ha-form")||(Et().catch(()=>{}),customElements.whenDefined("ha-form").then(()=>this.requestUpdate()))}render(){if(!this.hass||!this._config||!customElements.get("ha-form"))return c;let e=I(w(this.hass));return p`<ha-form
      .hass=${this.hass}
      .data=${St(this._config,this.hass)}
      .schema=${xt}
      .computeLabel=${t=>Ct(t.name,e)}
      @value-changed=${this._valueChanged}
    ></ha-form>`}_valueChanged(e){e.stopPropagation(),this._config&&(this._config=At(this._config,e.detail.value),this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:this._config},bubbles:!0,composed:!0})))}};customElements.get("desk-coach-card-editor")||customElements.define("desk-coach-card-editor",ge);var We=Q`
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
  .secondary {
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
`;function G(n){if(typeof n!="string"||n==="")return;let e=Date.parse(n);return Number.isNaN(e)?void 0:e}function _(n){if(typeof n=="number")return Number.isFinite(n)?n:void 0;if(typeof n!="string"||n.trim()==="")return;let e=Number(n);return Number.isFinite(e)?e:void 0}function Dt(n,e){return Math.max(0,Math.ceil((n-e)/6e4))}function me(n,e){return Math.max(0,Math.ceil((n-e)/1e3))}function Ke(n,e,t){if(n===void 0)return 0;if(n<=e)return 1;if(!t||t<=0)return 0;let s=(n-e)/(t*6e4);return Math.min(1,Math.max(0,1-s))}function B(n,e){let t=Math.max(0,Math.floor(n));return t<60?e("minutes",{m:t}):e("hours_minutes",{h:Math.floor(t/60),m:t%60})}function fe(n,e,t){let s=me(n,e);return s>0&&s<60?t("less_than_a_minute"):B(Dt(n,e),t)}function qe(n){let e=Math.max(0,Math.ceil(n));return`${Math.floor(e/60)}:${String(e%60).padStart(2,"0")}`}var Tt={ms:1/6e4,s:1/60,min:1,h:60,d:1440};function Z(n,e){let t=_(n);if(t===void 0)return;let s=typeof e=="string"?Tt[e]:void 0;return t*(s??1)}var Rt=["sitting","due","snoozed","standing","away","quiet","routine"],Ye=["running","paused"];function y(n,e,t){let s=e.entities[t];return s?n.states[s]:void 0}function Ge(n){return!!n&&n.state!=="unavailable"&&n.state!=="unknown"}function Ze(n,e,t,s){let i=y(n,e,"break_status")?.state??"unknown",r=s(Rt.includes(i)?`status_${i}`:"status_unknown"),o=G(y(n,e,"next_break")?.state),l=_(y(n,e,"break_interval")?.state),a=i==="due"||o!==void 0&&o<=t,d=o!==void 0&&!a;return{status:i,statusText:r,headline:a?s("break_due_now"):d?s("next_break_in",{time:fe(o,t,s)}):r,center:d?fe(o,t,s):"",fraction:Ke(o,t,l),due:a,sitting:o!==void 0}}function Je(n,e,t){let s=G(y(n,e,"next_break")?.state),i=y(n,e,"routine")?.state??"";return s!==void 0&&s>t||Ye.includes(i)}function _e(n,e){if(!Ge(n))return;let t=Z(n.state,n.attributes.unit_of_measurement);return t===void 0?void 0:B(t,e)}function Pt(n,e){let t=Ge(n)?_(n.state):void 0;return t===void 0?void 0:new Intl.NumberFormat(e,{style:"percent",maximumFractionDigits:0}).format(t/100)}function Qe(n,e,t,s){let i=r=>{let o=_(y(n,e,r)?.state);return o===void 0?"–":String(o)};return{sitting:_e(y(n,e,"sitting_today"),s)??"–",longest:_e(y(n,e,"longest_stretch"),s),standing:_e(y(n,e,"standing_today"),s),compliance:Pt(y(n,e,"compliance"),t),breaks:{taken:i("breaks_taken"),skipped:i("breaks_skipped"),missed:i("breaks_missed")}}}function C(n){return typeof n=="string"?n:typeof n=="number"?String(n):""}function Xe(n,e,t,s){let i=y(n,e,"routine");if(!i||!Ye.includes(i.state))return;let r=i.attributes,o=i.state==="paused",l=r.step_kind==="rest",a=_(r.hold),d=_(r.reps),g=_(r.total_sets)??1,u=_(r.side),m="";if(l||a){let P=G(r.step_ends_at),ve=o?_(r.remaining_seconds):P===void 0?void 0:me(P,t);ve!==void 0&&(m=qe(ve))}let h=_(r.step_index),f=_(r.steps_total);return{paused:o,routineName:C(r.routine_name)||C(r.routine),progress:h&&f?s("step_of",{index:h,total:f}):"",rest:l,exerciseName:C(r.exercise_name)||C(r.exercise),side:u===1||u===2?s(u===1?"side_1":"side_2"):"",set:g>1?s("set_of",{set:C(r.set),sets:g}):"",task:l?s("rest"):a?s("hold"):d?s("reps",{reps:d}):"",countdown:m,cues:Array.isArray(r.cues)?r.cues.map(C).filter(Boolean):[],safety:C(r.safety)}}var zt=864e5,ye=7;function st(n,e){return{type:"recorder/statistics_during_period",start_time:new Date(e-(ye+1)*zt).toISOString(),statistic_ids:n,period:"day",types:["change"],units:{duration:"min"}}}function nt(n,e){let t=new Intl.DateTimeFormat("en-US",{timeZone:e,year:"numeric",month:"2-digit",day:"2-digit"}).formatToParts(new Date(n)),s=i=>t.find(r=>r.type===i)?.value??"";return`${s("year")}-${s("month")}-${s("day")}`}function Nt(n,e){let[t,s,i]=n.split("-").map(Number);return new Date(Date.UTC(t,s-1,i+e)).toISOString().slice(0,10)}function et(n,e,t){return new Intl.DateTimeFormat(e,{weekday:t,timeZone:"UTC"}).format(new Date(`${n}T12:00:00Z`))}function tt(n,e,t,s){let i=new Map;for(let r of n.rows??[])typeof r.change=="number"&&i.set(nt(r.start,s),r.change);return e.map(r=>r===t?n.today:i.get(r))}function it(n,e,t,s,i,r){let o=nt(t,s),l=Array.from({length:ye},(h,f)=>Nt(o,f-(ye-1))),a=tt(n,l,o,s),d=e&&tt(e,l,o,s),g=Math.max(1,...[...a,...d??[]].map(h=>h??0)),u=h=>({minutes:h,fraction:Math.max(0,h??0)/g,value:Mt(h,i)}),m=h=>h===void 0?"–":B(h,r);return l.map((h,f)=>{let P=et(h,i,"long");return{day:h,label:et(h,i,"short"),today:h===o,sitting:u(a[f]),standing:d&&u(d[f]),description:d?r("day_value_standing",{day:P,value:m(a[f]),standing:m(d[f])}):r("day_value",{day:P,value:m(a[f])})}})}function Mt(n,e){return n===void 0?"":n<60?`${Math.floor(Math.max(0,n))} min`:`${new Intl.NumberFormat(e,{maximumFractionDigits:1}).format(n/60)} h`}var V="desk-coach-card",Ht=36e5,Ut=5*6e4,be=44,rt=2*Math.PI*be,$e=class extends b{static properties={hass:{attribute:!1},_config:{state:!0},_now:{state:!0},_week:{state:!0},_busy:{state:!0}};static styles=We;_timer;_desk;_deskFrom;_weekFetched;constructor(){super(),this._now=Date.now()}static getConfigElement(){return document.createElement(`${V}-editor`)}static getStubConfig(e){let t=he(e)[0];return t?{device_id:t.id}:{}}setConfig(e){if(!e||typeof e!="object")throw new Error("Invalid configuration");for(let t of["device_id","entry_id"])if(e[t]!==void 0&&typeof e[t]!="string")throw new Error(`${t} must be a text`);for(let t of x){let s=e[`show_${t}`];if(s!==void 0&&typeof s!="boolean")throw new Error(`show_${t} must be true or false`)}this._config={...e}}getCardSize(){let e={ring:2,today:2,buttons:1,routine:0,week:2};return 1+x.reduce((t,s)=>t+(this._shows(s)?e[s]:0),0)}getGridOptions(){return{columns:12,min_columns:6}}connectedCallback(){super.connectedCallback(),this._timer=setInterval(()=>this._tick(),1e3)}disconnectedCallback(){super.disconnectedCallback(),clearInterval(this._timer),this._timer=void 0}_shows(e){return this._config?.[`show_${e}`]!==!1}_resolve(){let{hass:e,_config:t}=this;if(!e||!t)return;let s=[t,e.entities,e.devices];return(!this._deskFrom||s.some((i,r)=>i!==this._deskFrom[r]))&&(this._desk=Y(e,t),this._deskFrom=s),this._desk}_tick(){let e=Date.now(),t=this._resolve();(t&&this.hass&&Je(this.hass,t,e)||Math.floor(e/6e4)!==Math.floor(this._now/6e4))&&(this._now=e),this._fetchWeek(e)}shouldUpdate(e){if(e.size>1||!e.has("hass"))return!0;let t=e.get("hass"),s=this.hass;if(!t||!s||t.entities!==s.entities||t.devices!==s.devices||w(t)!==w(s))return!0;let i=this._resolve();return i?Object.values(i.entities).some(r=>t.states[r]!==s.states[r]):!1}updated(){this._fetchWeek(this._now)}async _fetchWeek(e){let t=this._resolve();if(!this.hass||!t?.entities.sitting_today||!this._shows("week"))return;let s=[t.entities.sitting_today,t.entities.standing_today].filter(o=>!!o),i=Math.floor((e-Ut)/Ht),r=`${s.join(" ")} ${i}`;if(this._weekFetched!==r){this._weekFetched=r;try{this._week=await this.hass.callWS(st(s,e))}catch{this._week={}}}}async _call(e,t={}){let s=this._resolve();if(!(!this.hass||!s)){this._busy=e;try{await this.hass.callService(R,e,{...s.entryId?{config_entry_id:s.entryId}:{},...t})}catch{}finally{this._busy=void 0}}}render(){if(!this._config||!this.hass)return c;let e=I(w(this.hass)),t=this._resolve();if(!t){let o=this._config.device_id||this._config.entry_id;return p`<ha-card>
        <div class="message">${e(o?"desk_not_found":"no_desk")}</div>
      </ha-card>`}let s=this._now,i=Ze(this.hass,t,s,e),r=Xe(this.hass,t,s,e);return p`<ha-card>
      <h2>${t.name}</h2>
      ${this._shows("ring")?this._renderRing(i,e):c}
      ${this._shows("today")?this._renderToday(t,e):c}
      ${this._shows("routine")&&r?this._renderRoutine(r,e):c}
      ${this._shows("buttons")?this._renderButtons(i,!!r,e):c}
      ${this._shows("week")?this._renderWeek(t,e):c}
    </ha-card>`}_renderRing(e,t){let s=rt*e.fraction,i=e.due?"due":e.center?"counting":"idle";return p`<section class="ring-row ${i}">
      <div
        class="ring ${i}"
        role="img"
        aria-label=${t("ring_label",{done:Math.round(e.fraction*100)})}
      >
        <svg viewBox="0 0 100 100" aria-hidden="true">
          ${Oe`<circle class="track" cx="50" cy="50" r=${be}></circle>
            <circle class="fill" cx="50" cy="50" r=${be}
              stroke-dasharray="${s} ${rt}" transform="rotate(-90 50 50)"></circle>`}
        </svg>
        <div class="center" aria-hidden="true">${e.center}</div>
      </div>
      <div>
        <div class="headline">${e.headline}</div>
        ${e.headline!==e.statusText?p`<div class="secondary">${e.statusText}</div>`:c}
      </div>
    </section>`}_renderToday(e,t){let s=Qe(this.hass,e,w(this.hass),t);return p`<section class="today">
      <h3>${t("today")}</h3>
      <dl>
        <dt>${t("sitting_today")}</dt>
        <dd class="sitting">${s.sitting}</dd>
        ${s.longest!==void 0?p`<dt>${t("longest_stretch")}</dt>
                <dd class="longest">${s.longest}</dd>`:c}
        ${s.standing!==void 0?p`<dt>${t("standing_today")}</dt>
                <dd class="standing">${s.standing}</dd>`:c}
      </dl>
      <div class="breaks" role="group" aria-label=${t("breaks")}>
        ${["taken","skipped","missed"].map(i=>p`<div class="counter ${i}">
              <span class="number">${s.breaks[i]}</span>
              <span class="what">${t(`breaks_${i}`)}</span>
            </div>`)}
      </div>
      ${s.compliance!==void 0?p`<dl>
              <dt>${t("compliance")}</dt>
              <dd class="compliance">${s.compliance}</dd>
            </dl>`:c}
    </section>`}_button(e,t,s,i,r,o={}){return p`<button
      class=${o.danger?"danger":""}
      data-action=${e}
      aria-label=${i(`${s}_label`)}
      ?disabled=${o.disabled||this._busy!==void 0&&!o.danger}
      @click=${r}
    >
      <ha-icon icon=${t} aria-hidden="true"></ha-icon>${i(s)}
    </button>`}_renderButtons(e,t,s){let i={disabled:!e.sitting};return p`<section class="buttons actions">
      ${this._button("take_break","mdi:coffee-outline","take_break",s,()=>this._call("take_break"),i)}
      ${this._button("snooze","mdi:alarm-snooze","snooze",s,()=>this._call("snooze"),i)}
      ${this._button("stretching","mdi:human-handsup","stretch",s,()=>this._call("start_routine",{routine:"stretching"}),{disabled:t})}
      ${this._button("strengthening","mdi:arm-flex-outline","strengthen",s,()=>this._call("start_routine",{routine:"strengthening"}),{disabled:t})}
    </section>`}_renderRoutine(e,t){return p`<section class="routine ${e.paused?"paused":""}">
      <div class="routine-head">
        <span class="routine-name">${e.routineName}</span>
        <span>${e.paused?t("routine_paused"):e.progress}</span>
      </div>
      <div class="exercise">${e.exerciseName}</div>
      <div class="secondary">${[e.side,e.set].filter(Boolean).join(" · ")}</div>
      <div class="task">
        <span class="task-name">${e.task}</span>
        ${e.countdown?p`<span
                class="countdown"
                role="timer"
                aria-label=${t("time_left",{time:e.countdown})}
                >${e.countdown}</span
              >`:c}
      </div>
      ${e.cues.length&&!e.rest?p`<ul class="cues">
              ${e.cues.map(s=>p`<li>${s}</li>`)}
            </ul>`:c}
      ${e.safety?p`<div class="safety">${e.safety}</div>`:c}
      <div class="buttons">
        ${e.paused?this._button("resume_routine","mdi:play","resume",t,()=>this._call("resume_routine")):this._button("pause_routine","mdi:pause","pause",t,()=>this._call("pause_routine"))}
        ${this._button("next_step","mdi:skip-next","next",t,()=>this._call("next_step"))}
        ${this._button("stop_routine","mdi:stop","stop",t,()=>this._call("stop_routine"))}
        ${this._button("pain","mdi:hand-back-left-outline","hurts",t,()=>this._call("stop_routine",{reason:"pain"}),{danger:!0})}
      </div>
    </section>`}_series(e,t){let s=e.entities[t];if(!s)return;let i=this.hass.states[s];return{rows:this._week?.[s],today:i&&Z(i.state,i.attributes.unit_of_measurement)}}_renderWeek(e,t){let s=this.hass,i=this._series(e,"sitting_today")??{rows:[],today:void 0},r=this._series(e,"standing_today"),o=it(i,r,this._now,s.config.time_zone,w(s),t),l=this._week===void 0||(i.rows??[]).length>0,a=(d,g)=>p`<div class="bar ${g}" style=${Fe({height:`${d.fraction*100}%`})}></div>`;return p`<section class="week">
      <h3>${t(r?"week_standing":"week")}</h3>
      <div class="bars" role="list">
        ${o.map(d=>p`<div
              class="day ${d.today?"today":""}"
              role="listitem"
              aria-label=${d.description}
              title=${d.description}
            >
              <span class="value" aria-hidden="true">${d.sitting.value}</span>
              <div class="track" aria-hidden="true">
                ${a(d.sitting,"sitting")}
                ${d.standing?a(d.standing,"standing"):c}
              </div>
              <span class="label" aria-hidden="true">${d.label}</span>
            </div>`)}
      </div>
      ${r?p`<div class="legend" aria-hidden="true">
              <span><i class="sitting"></i>${t("legend_sitting")}</span>
              <span><i class="standing"></i>${t("legend_standing")}</span>
            </div>`:c}
      ${l?c:p`<div class="note">${t("week_empty")}</div>`}
    </section>`}};customElements.get(V)||customElements.define(V,$e);window.customCards=window.customCards??[];if(!window.customCards.some(n=>n.type===V)){let n=I(navigator.language??"en");window.customCards.push({type:V,name:n("card_name"),description:n("card_description"),preview:!0,documentationURL:"https://github.com/desk-coach/desk-coach#the-dashboard-card"})}export{V as CARD_TYPE,$e as DeskCoachCard};
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
