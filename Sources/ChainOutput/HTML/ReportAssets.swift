/// The committee report's fixed markup, style sheet and script, written for ChainMap (no
/// third-party code, no web address). They hold no words for people: the script takes its
/// labels from the data blob, which the catalog fills.
enum ReportAssets {
    static let dataType = "application/json"

    static let doctype = "<!DOCTYPE html>\n"

    static let head = """
        <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
        <meta name="generator" content="chainmap">
        """

    /// The map's font stack (as ChainRender's maps name it) for the whole page.
    static let style = """
        :root{--ink:#1d2a36;--muted:#5b6b7a;--line:#d5dde5;--accent:#b3261e;--bar:#2f6db5;--bar2:#e0a526;--bg:#f6f8fa}
        *{box-sizing:border-box}
        body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif;color:var(--ink);background:#fff;font-size:14px;line-height:1.5}
        nav#r-nav{position:sticky;top:0;z-index:5;background:var(--ink);padding:6px 16px;display:flex;gap:16px;flex-wrap:wrap;align-items:center}
        nav#r-nav a{color:#fff;text-decoration:none}
        nav#r-nav button{margin-left:auto}
        .part{padding:12px 24px 24px;border-bottom:1px solid var(--line);scroll-margin-top:44px}
        h1{font-size:24px;margin:8px 0 4px}
        h2{font-size:20px;margin:8px 0 12px;border-left:5px solid var(--accent);padding-left:8px}
        h3{font-size:16px;margin:18px 0 8px}
        .sub,.hint,.note,.status{color:var(--muted)}
        .note{font-size:13px}
        dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:10px;margin:12px 0}
        .figure{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px 12px}
        .figure dt{font-size:12px;color:var(--muted)}
        .figure dd{margin:0;font-size:20px;font-weight:600}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}
        dl.facts dd{margin:0}
        .toolbar{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin:6px 0}
        input[type=search]{padding:4px 8px;min-width:240px;font:inherit}
        button{font:inherit;padding:3px 10px;cursor:pointer}
        ul.results{list-style:none;margin:0;padding:0;max-height:180px;overflow:auto}
        ul.results li{padding:2px 6px;cursor:pointer}
        ul.results li:hover,ul.results li.active{background:#e8f0fb}
        .mapwrap{position:relative}
        .viewport{height:72vh;border:1px solid var(--line);overflow:hidden;background:#fff;touch-action:none;cursor:grab}
        .viewport svg{width:100%;height:100%;display:block}
        .viewport .hl>polygon,.viewport .hl>ellipse,.viewport .hl>path,.viewport .hl polygon,.viewport .hl ellipse{stroke:var(--accent)!important;stroke-width:5px!important}
        .viewport g.node{cursor:pointer}
        aside.card{position:absolute;top:8px;right:8px;width:min(420px,90%);max-height:calc(72vh - 16px);overflow:auto;background:#fff;border:1px solid var(--line);border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.15);padding:10px 14px}
        aside.card h3{margin:0 24px 6px 0}
        aside.card .x{position:absolute;top:6px;right:8px}
        aside.card dl{display:grid;grid-template-columns:max-content 1fr;gap:3px 10px;margin:0}
        aside.card dd{margin:0}
        aside.card ul{margin:0;padding-left:18px}
        a.firmlink{cursor:pointer;color:var(--bar)}
        table.data{border-collapse:collapse;width:100%;margin:4px 0 10px;font-size:13px}
        table.data th,table.data td{border:1px solid var(--line);padding:3px 6px;vertical-align:top;text-align:left}
        table.data th{background:var(--bg);cursor:pointer;white-space:nowrap}
        table.data th[aria-sort=ascending]::after{content:" \\25B2"}
        table.data th[aria-sort=descending]::after{content:" \\25BC"}
        tr.level-critical td:first-child{border-left:4px solid var(--accent)}
        tr.level-warning td:first-child{border-left:4px solid var(--bar2)}
        tr.flash{background:#fff3c4}
        svg.chart{max-width:100%;height:auto;font-size:12px}
        svg.chart .label{text-anchor:end;fill:var(--ink)}
        svg.chart .value,svg.chart .legend{fill:var(--muted)}
        svg.chart .track{fill:var(--bg)}
        svg.chart .bar1{fill:var(--bar)}
        svg.chart .bar2{fill:var(--bar2)}
        .drill{margin-top:10px}
        .drill label{margin-right:12px}
        .drillmap svg{display:block;width:100%;height:auto;max-height:80vh;border:1px solid var(--line);background:#fff;margin:8px 0}
        .drillmap text{font-size:12px;fill:var(--ink)}
        .drillmap text.head{font-size:15px;font-weight:600}
        .drillmap text.small{font-size:11px;fill:var(--muted)}
        .drillmap .cell,.drillmap .nb{cursor:pointer}
        .drillmap .cell rect{fill:#e8f0fb;stroke:var(--bar)}
        .drillmap .cell.out rect{fill:#fff;stroke-dasharray:4 2}
        .drillmap .cell.sel rect{stroke:var(--accent);stroke-width:3}
        .drillmap .nb rect{fill:var(--bg);stroke:var(--muted)}
        .drillmap .ln{stroke:#8aa4c0;fill:none;opacity:.6}
        .trendcharts{display:flex;flex-wrap:wrap;gap:8px}
        svg.trend{max-width:100%;height:auto;border:1px solid var(--line);border-radius:4px}
        #r-table-trends th{white-space:normal}
        @page{size:A4 portrait;margin:14mm}
        @page wide{size:A3 landscape;margin:12mm}
        @media print{
        nav#r-nav,.toolbar,ul.results,.hint,aside.card,.drill input{display:none!important}
        body{font-size:11px}
        .part{break-before:page;border:none;padding:0}
        header.part{break-before:avoid}
        #r-part-map{page:wide}
        .viewport{height:auto;border:none;overflow:visible}
        .viewport svg{width:100%;height:auto;max-height:250mm}
        table.data{font-size:10px}
        table.data th{white-space:normal}
        table.data tr{break-inside:avoid}
        table.data tr[hidden]{display:table-row!important}
        svg.chart,svg.trend,.drillmap svg{break-inside:avoid}
        .drillmap svg{max-height:none;border:none}
        }
        """

    static let script = """
        (function(){'use strict';
        var D=JSON.parse(document.getElementById('r-data').textContent);
        var L=D.labels;
        function $(id){return document.getElementById(id);}
        function el(tag,text,cls){var e=document.createElement(tag);if(text!=null)e.textContent=text;if(cls)e.className=cls;return e;}
        function money(v){if(v==null)return L.none;var a=Math.abs(v);
          if(a>=1e8)return (v/1e8).toFixed(2)+L.yi;
          if(a>=1e4)return (v/1e4).toFixed(2)+L.wan;
          return String(Math.round(v))+L.yuan;}
        var byElement={};
        D.firms.forEach(function(f,i){if(f[7])byElement[f[7]]=i;});
        var stageByElement={};
        D.stages.forEach(function(s,k){if(s[3])stageByElement[s[3]]=k;});
        /* Pan and zoom on the map's viewBox. */
        var vp=$('r-viewport'),svg=vp?vp.querySelector('svg'):null,home=null,vb=null;
        function setVB(b){vb=b;svg.setAttribute('viewBox',[b.x,b.y,b.w,b.h].join(' '));}
        function toUser(cx,cy){var p=svg.createSVGPoint();p.x=cx;p.y=cy;var m=svg.getScreenCTM();return m?p.matrixTransform(m.inverse()):{x:vb.x,y:vb.y};}
        function zoom(f,cx,cy){var r=vp.getBoundingClientRect();if(cx==null){cx=r.left+r.width/2;cy=r.top+r.height/2;}
          var u=toUser(cx,cy);var w=vb.w/f,h=vb.h/f;
          if(Math.max(w,h)>Math.max(home.w,home.h)*4||Math.max(w,h)<20)return;
          setVB({x:u.x-(u.x-vb.x)/f,y:u.y-(u.y-vb.y)/f,w:w,h:h});}
        function fit(){setVB({x:home.x,y:home.y,w:home.w,h:home.h});}
        function boxOf(e){var r=e.getBoundingClientRect();var a=toUser(r.left,r.top),b=toUser(r.right,r.bottom);return {x:a.x,y:a.y,w:b.x-a.x,h:b.y-a.y};}
        function centre(e){var b=boxOf(e);var r=vp.getBoundingClientRect();var asp=r.width>0&&r.height>0?r.width/r.height:1.5;
          var w=Math.max(b.w*8,300),h=w/asp;if(h<b.h*4){h=b.h*4;w=h*asp;}
          setVB({x:b.x+b.w/2-w/2,y:b.y+b.h/2-h/2,w:w,h:h});}
        var lit=null;
        function highlight(e){if(lit)lit.classList.remove('hl');lit=e;if(e)e.classList.add('hl');}
        if(svg){
          svg.removeAttribute('width');svg.removeAttribute('height');
          var v=(svg.getAttribute('viewBox')||'0 0 100 100').trim().split(/[ ,]+/).map(Number);
          home={x:v[0],y:v[1],w:v[2],h:v[3]};setVB({x:v[0],y:v[1],w:v[2],h:v[3]});
          vp.addEventListener('wheel',function(ev){ev.preventDefault();zoom(ev.deltaY<0?1.25:0.8,ev.clientX,ev.clientY);},{passive:false});
          var drag=null,moved=false;
          vp.addEventListener('pointerdown',function(ev){drag={x:ev.clientX,y:ev.clientY,vb:vb};moved=false;});
          window.addEventListener('pointermove',function(ev){if(!drag)return;var dx=ev.clientX-drag.x,dy=ev.clientY-drag.y;
            if(Math.abs(dx)+Math.abs(dy)>3)moved=true;if(!moved)return;
            var r=vp.getBoundingClientRect();var s=Math.max(drag.vb.w/r.width,drag.vb.h/r.height);
            setVB({x:drag.vb.x-dx*s,y:drag.vb.y-dy*s,w:drag.vb.w,h:drag.vb.h});});
          window.addEventListener('pointerup',function(){drag=null;});
          svg.addEventListener('click',function(ev){if(moved)return;var g=ev.target.closest('g[id]');
            while(g&&byElement[g.id]===undefined&&stageByElement[g.id]===undefined)g=g.parentElement?g.parentElement.closest('g[id]'):null;
            if(!g)return;
            if(byElement[g.id]!==undefined){highlight(g);openCard(byElement[g.id]);}
            else{highlight(g);drillTo(D.stages[stageByElement[g.id]][2],stageByElement[g.id]);}});
          $('r-zoom-in').addEventListener('click',function(){zoom(1.5);});
          $('r-zoom-out').addEventListener('click',function(){zoom(1/1.5);});
          $('r-fit').addEventListener('click',fit);
        }
        /* Firm cards. */
        var card=$('r-card');
        function firmLink(i){var a=el('a',D.firms[i][1],'firmlink');a.href='#';a.addEventListener('click',function(ev){ev.preventDefault();showFirm(i);});return a;}
        function row(dl,label,content){dl.appendChild(el('dt',label));var dd=el('dd');
          if(typeof content==='string')dd.textContent=content;else dd.appendChild(content);dl.appendChild(dd);}
        function list(items,make){var ul=el('ul');items.forEach(function(x){var li=el('li');var c=make(x);if(typeof c==='string')li.textContent=c;else li.appendChild(c);ul.appendChild(li);});return ul;}
        function openCard(i){if(!card)return;var f=D.firms[i],c=D.cards[i];card.innerHTML='';card.hidden=false;card.setAttribute('data-firm',f[0]);
          var x=el('button','\\u00d7','x');x.type='button';x.title=L.close;x.addEventListener('click',function(){card.hidden=true;});card.appendChild(x);
          card.appendChild(el('h3',f[1]));var dl=el('dl');card.appendChild(dl);
          row(dl,L.id,f[0]);
          row(dl,L.stage,f[3].map(function(k){return D.stages[k][1];}).join(' / ')||L.none);
          row(dl,L.products,f[8].map(function(k){return D.products[k];}).join(' / ')||L.none);
          row(dl,L.output,money(f[4]));
          row(dl,L.location,(f[2]?L.inPark:L.outside)+(f[5]?' \\u00b7 '+L.leader:''));
          row(dl,L.organization,(f[9]>=0?D.organizations[f[9]]:L.none)+' \\u00b7 '+[L.orgNone,L.orgOwn,L.orgJoint][f[6]]);
          function links(ids,count){if(!ids.length)return L.none;var u=list(ids,firmLink);if(count>ids.length)u.appendChild(el('li',L.more+' '+(count-ids.length)));return u;}
          row(dl,L.suppliers+' ('+c[1]+')',links(c[0],c[1]));
          row(dl,L.buyers+' ('+c[3]+')',links(c[2],c[3]));
          row(dl,L.findings,c[4].length?list(c[4],function(k){var a=el('a',D.findings[k][0]+' \\u00b7 '+D.findings[k][1]);a.href='#r-finding-'+k;
            a.title=D.findings[k][2];a.addEventListener('click',function(){flash('r-finding-'+k);});return a;}):L.none);
          row(dl,L.matches,c[5].length?list(c[5],function(m){return m[0]+' \\u00b7 '+m[1]+' \\u00b7 '+m[2]+(m[3]?' \\u00b7 '+m[3]:'');}):L.none);
          row(dl,L.pairings,c[6].length?list(c[6],function(p){return p[0]+' \\u00b7 '+p[1];}):L.none);
          row(dl,L.needs,c[7].length?list(c[7],function(n){return n[0]+' \\u00b7 '+n[1]+(n[2]?' \\u00b7 '+n[2]:'');}):L.none);}
        function flash(id){var r=$(id);if(!r)return;r.hidden=false;r.classList.add('flash');setTimeout(function(){r.classList.remove('flash');},2500);}
        function showFirm(i){var f=D.firms[i];var status=$('r-search-status');
          var e=f[7]?document.getElementById(f[7]):null;
          if(e){highlight(e);centre(e);if(status)status.textContent=L.found;}
          else if(D.aggregated&&f[3].length){var k=f[3][0];var s=D.stages[k][3]?document.getElementById(D.stages[k][3]):null;
            if(s){highlight(s);centre(s);}drillTo(D.stages[k][2],k);if(status)status.textContent=L.found;}
          else if(status)status.textContent=L.notOnMap;
          openCard(i);var m=$('r-part-map');if(m&&m.scrollIntoView)m.scrollIntoView({block:'start'});}
        /* Search. */
        var search=$('r-search'),results=$('r-search-results');
        function find(q){q=q.trim().toLowerCase();var out=[];if(!q)return out;
          for(var i=0;i<D.firms.length&&out.length<20;i++){var f=D.firms[i];if(f[0].toLowerCase()===q){out.unshift(i);}}
          for(var j=0;j<D.firms.length&&out.length<20;j++){var g=D.firms[j];if(out.indexOf(j)<0&&(g[1].toLowerCase().indexOf(q)>=0||g[0].toLowerCase().indexOf(q)>=0))out.push(j);}
          return out;}
        if(search){search.addEventListener('input',function(){results.innerHTML='';var hits=find(search.value);
            hits.forEach(function(i){var li=el('li',D.firms[i][1]+' ('+D.firms[i][0]+')');li.setAttribute('data-firm',D.firms[i][0]);
              li.addEventListener('click',function(){results.innerHTML='';showFirm(i);});results.appendChild(li);});
            $('r-search-status').textContent=search.value.trim()&&!hits.length?L.notFound:'';});
          search.addEventListener('keydown',function(ev){if(ev.key==='Enter'){var hits=find(search.value);results.innerHTML='';
            if(hits.length)showFirm(hits[0]);else $('r-search-status').textContent=L.notFound;}});}
        /* Findings point at their place on the map. */
        document.querySelectorAll('a.maplink').forEach(function(a){a.addEventListener('click',function(ev){ev.preventDefault();
          var t=document.getElementById(a.getAttribute('data-target'));if(!t)return;
          var m=$('r-part-map');if(m&&m.scrollIntoView)m.scrollIntoView({block:'start'});
          if(svg&&svg.contains(t)&&t!==svg){highlight(t);centre(t);if(byElement[t.id]!==undefined)openCard(byElement[t.id]);}});});
        /* Sortable, filterable tables. */
        function count(t){var s=document.querySelector('[data-count-for="'+t.id+'"]');if(!s)return;
          var rows=t.tBodies[0].rows,n=0;for(var i=0;i<rows.length;i++)if(!rows[i].hidden)n++;s.textContent=L.shown+' '+n+' / '+rows.length+' '+L.rows;}
        document.querySelectorAll('table[data-sortable]').forEach(function(t){
          t.querySelectorAll('th').forEach(function(th,col){th.addEventListener('click',function(){
            var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
            t.querySelectorAll('th').forEach(function(o){o.removeAttribute('aria-sort');});th.setAttribute('aria-sort',dir);
            var num=th.getAttribute('data-type')==='num',body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
            function key(r){var c=r.cells[col];if(!c)return '';if(num){var v=c.getAttribute('data-v');return v==null?-Infinity:parseFloat(v);}return c.textContent;}
            rows.sort(function(a,b){var x=key(a),y=key(b);var r=num?(x-y):String(x).localeCompare(String(y),document.documentElement.lang);return dir==='ascending'?r:-r;});
            rows.forEach(function(r){body.appendChild(r);});});});
          count(t);});
        function applyFilter(id){var t=$(id);if(!t)return;var text=document.querySelector('input.filter[data-table="'+id+'"]');
          var kind=document.querySelector('select.kind-filter[data-table="'+id+'"]');var q=text?text.value.trim().toLowerCase():'',k=kind?kind.value:'';
          Array.prototype.forEach.call(t.tBodies[0].rows,function(r){var ok=(!q||r.textContent.toLowerCase().indexOf(q)>=0)&&(!k||r.getAttribute('data-kind')===k);r.hidden=!ok;});
          count(t);}
        document.querySelectorAll('input.filter,select.kind-filter').forEach(function(i){i.addEventListener('input',function(){applyFilter(i.getAttribute('data-table'));});
          i.addEventListener('change',function(){applyFilter(i.getAttribute('data-table'));});});
        /* Drill-down into one chain or stage (large parks). */
        var dc=$('r-drill-chain'),ds=$('r-drill-stage'),df=$('r-drill-filter'),dt=$('r-drill-table');
        function fillStages(){if(!ds)return;var c=dc.value;ds.innerHTML='';var all=el('option',L.all);all.value='';ds.appendChild(all);
          D.stages.forEach(function(s,k){if(c===''||String(s[2])===c){var o=el('option',s[1]);o.value=String(k);ds.appendChild(o);}});}
        function drill(){if(!dt)return;var c=dc.value,k=ds.value,q=df.value.trim().toLowerCase(),hits=[],total=0;
          for(var i=0;i<D.firms.length;i++){var f=D.firms[i];var inStage=k!==''?f[3].indexOf(Number(k))>=0:(c===''||f[3].some(function(s){return String(D.stages[s][2])===c;}));
            if(!inStage||(q&&f[1].toLowerCase().indexOf(q)<0&&f[0].toLowerCase().indexOf(q)<0))continue;total++;hits.push(i);}
          hits.sort(function(a,b){return (D.firms[b][4]||0)-(D.firms[a][4]||0);});hits=hits.slice(0,200);
          var body=dt.tBodies[0];body.innerHTML='';
          hits.forEach(function(i){var f=D.firms[i],tr=el('tr');var td=el('td');td.appendChild(firmLink(i));tr.appendChild(td);
            tr.appendChild(el('td',f[3].map(function(s){return D.stages[s][1];}).join(' / ')));tr.appendChild(el('td',money(f[4])));
            tr.appendChild(el('td',f[2]?L.inPark:L.outside));body.appendChild(tr);});
          $('r-drill-status').textContent=L.shown+' '+hits.length+' / '+total+' '+L.rows;drawDrillMap();}
        /* Drill-down map (large parks): a chosen stage's firms as a grid between the stages they buy
           from and sell to; a chosen chain's stages side by side. Drawn from D.drill. */
        var dm=$('r-drill-map'),NS=svg?svg.namespaceURI:null,dmKey=null,MAXNB=12,CW=150,CH=36,GAP=8,NBW=210,NBH=44;
        function sv(tag,attrs,parent,text){var e=document.createElementNS(NS,tag);for(var k in attrs)e.setAttribute(k,attrs[k]);
          if(text!=null)e.textContent=text;if(parent)parent.appendChild(e);return e;}
        function fitText(s,px){var w=0,out='';for(var i=0;i<s.length;i++){w+=s.charCodeAt(i)>0x2e80?12:7;if(w>px)return out+'\\u2026';out+=s[i];}return out;}
        function firmCell(g,i,x,y){var f=D.firms[i];var c=sv('g',{'class':'cell'+(f[2]?'':' out'),'data-firm':f[0]},g);
          sv('rect',{x:x,y:y,width:CW,height:CH,rx:4},c);sv('text',{x:x+6,y:y+15},c,fitText(f[1],CW-12));
          sv('text',{x:x+6,y:y+30,'class':'small'},c,money(f[4]));sv('title',{},c,f[1]+' ('+f[0]+') '+money(f[4]));
          c.addEventListener('click',function(){dm.querySelectorAll('.cell.sel').forEach(function(o){o.classList.remove('sel');});
            c.classList.add('sel');openCard(i);if(card&&card.scrollIntoView)card.scrollIntoView({block:'nearest'});});return c;}
        function stageName(k){return k>=0?D.stages[k][1]:L.outside;}
        function nbBox(g,e,x,y){var b=sv('g',{'class':'nb','data-stage':e[0]},g);sv('rect',{x:x,y:y,width:NBW,height:NBH,rx:4},b);
          sv('text',{x:x+6,y:y+17},b,fitText(stageName(e[0]),NBW-12));
          sv('text',{x:x+6,y:y+34,'class':'small'},b,e[2]+' '+L.nFirms+' \\u00b7 '+e[1]+' '+L.nLinks);
          if(e[0]>=0)b.addEventListener('click',function(){drillTo(D.stages[e[0]][2],e[0]);});return b;}
        function more(g,x,y,n){if(n>0)sv('text',{x:x,y:y,'class':'small'},g,L.more+' '+n+' '+L.nFirms);}
        function drawStage(root,k){var d=D.drill[k];if(!d)return [400,60];var firms=d[1],n=firms.length;
          var cols=Math.max(1,Math.min(6,Math.ceil(Math.sqrt(n)))),rows=Math.ceil(n/cols),up=d[2].slice(0,MAXNB),down=d[3].slice(0,MAXNB);
          var gx=NBW+90,gy=70,gw=n?cols*(CW+GAP)-GAP:CW,rx=gx+gw+90,W=rx+NBW;
          var H=Math.max(gy+rows*(CH+GAP),gy+up.length*(NBH+GAP),gy+down.length*(NBH+GAP))+30;
          sv('text',{x:0,y:18,'class':'head'},root,D.stages[k][1]+' \\u00b7 '+D.chains[D.stages[k][2]][1]);
          sv('text',{x:0,y:38,'class':'small'},root,d[0]+' '+L.nFirms+' \\u00b7 '+L.drawn+' '+n+' \\u00b7 '+L.internal+' '+d[4]);
          sv('text',{x:0,y:gy-10,'class':'small'},root,L.upstream);sv('text',{x:rx,y:gy-10,'class':'small'},root,L.downstream);
          function at(p){return [gx+(p%cols)*(CW+GAP),gy+Math.floor(p/cols)*(CH+GAP)];}
          var lines=sv('g',{'class':'lines'},root);
          firms.forEach(function(i,p){var xy=at(p),u=d[5][p]||[],v=d[6][p]||[];
            for(var a=0;a<u.length;a+=2)if(u[a]<MAXNB)sv('path',{'class':'ln','stroke-width':Math.min(4,1+Math.log(u[a+1])),
              d:'M'+NBW+' '+(gy+u[a]*(NBH+GAP)+NBH/2)+' L'+xy[0]+' '+(xy[1]+CH/2)},lines);
            for(var b=0;b<v.length;b+=2)if(v[b]<MAXNB)sv('path',{'class':'ln','stroke-width':Math.min(4,1+Math.log(v[b+1])),
              d:'M'+(xy[0]+CW)+' '+(xy[1]+CH/2)+' L'+rx+' '+(gy+v[b]*(NBH+GAP)+NBH/2)},lines);});
          up.forEach(function(e,j){nbBox(root,e,0,gy+j*(NBH+GAP));});down.forEach(function(e,j){nbBox(root,e,rx,gy+j*(NBH+GAP));});
          firms.forEach(function(i,p){var xy=at(p);firmCell(root,i,xy[0],xy[1]);});
          more(root,gx,gy+rows*(CH+GAP)+14,d[0]-n);
          if(d[2].length>MAXNB)sv('text',{x:0,y:gy+up.length*(NBH+GAP)+14,'class':'small'},root,L.more+' '+(d[2].length-MAXNB));
          if(d[3].length>MAXNB)sv('text',{x:rx,y:gy+down.length*(NBH+GAP)+14,'class':'small'},root,L.more+' '+(d[3].length-MAXNB));
          return [W,H];}
        function drawChain(root,c){var ks=[];D.stages.forEach(function(s,k){if(String(s[2])===String(c)&&D.drill[k])ks.push(k);});
          var per=Math.max(4,Math.floor(D.drillFirms/Math.max(1,ks.length))),step=Math.max(CW,NBW)+70,top=50,H=top+NBH,W=Math.max(1,ks.length)*step-70;
          sv('text',{x:0,y:18,'class':'head'},root,D.chains[c][1]);
          ks.forEach(function(k,col){var x=col*step,d=D.drill[k];
            nbBox(root,[k,0,d[0]],x,top).lastChild.textContent=d[0]+' '+L.nFirms;
            if(col>0){var prev=ks[col-1],links=0;d[2].forEach(function(e){if(e[0]===prev)links=e[1];});
              sv('path',{'class':'ln','stroke-width':links?2:0.5,d:'M'+(x-70)+' '+(top+NBH/2)+' L'+x+' '+(top+NBH/2)},root);
              sv('text',{x:x-66,y:top+NBH/2-4,'class':'small'},root,String(links));}
            var shown=d[1].slice(0,per);shown.forEach(function(i,j){firmCell(root,i,x,top+NBH+GAP+j*(CH+GAP));});
            var y=top+NBH+GAP+shown.length*(CH+GAP);more(root,x,y+14,d[0]-shown.length);H=Math.max(H,y+24);});
          return [Math.max(W,300),H];}
        function drawDrillMap(){if(!dm||!NS||!D.drill||!D.drill.length)return;var c=dc.value,k=ds.value,key=c+'/'+k;if(key===dmKey)return;
          dmKey=key;dm.innerHTML='';if(k===''&&c==='')return;var root=sv('svg',{'class':'dm','role':'img','data-stage':k,'data-chain':c});
          var size=k!==''?drawStage(root,Number(k)):drawChain(root,Number(c));
          root.setAttribute('viewBox','-4 -4 '+(size[0]+8)+' '+(size[1]+8));root.setAttribute('width',size[0]+8);root.setAttribute('height',size[1]+8);
          dm.appendChild(el('p',L.drillMapHint,'hint'));dm.appendChild(root);}
        function drillTo(chain,stage){if(!dc)return;dc.value=String(chain);fillStages();ds.value=String(stage);drill();}
        if(dc){dc.addEventListener('change',function(){fillStages();drill();});ds.addEventListener('change',drill);df.addEventListener('input',drill);fillStages();drill();}
        var pr=$('r-print');if(pr)pr.addEventListener('click',function(){window.print();});
        window.chainmapReport={find:find,showFirm:showFirm,openCard:openCard,data:D};
        })();
        """
}
