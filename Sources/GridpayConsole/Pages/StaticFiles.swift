/// The console's only CSS and script, served from /static/ (the CSP allows nothing else).
enum StaticFiles {
    static let css = """
        *{box-sizing:border-box}body{margin:0;font:15px/1.5 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;color:#1d2733;background:#f3f5f7}
        nav{display:flex;gap:18px;align-items:center;background:#1f4e79;color:#fff;padding:8px 20px}nav a{color:#fff;text-decoration:none}
        nav .brand{font-weight:bold;margin-right:12px}nav .who{margin-left:auto}nav button{margin-left:10px}
        main{max-width:1300px;margin:0 auto;padding:12px 20px}h1{font-size:22px;margin:8px 0 14px}h2{font-size:18px;margin:18px 0 8px}
        table{border-collapse:collapse;background:#fff;width:100%;margin-bottom:12px}th,td{border:1px solid #d5dbe1;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#e8eef4}td.num{text-align:right;font-variant-numeric:tabular-nums}
        .card{background:#fff;border:1px solid #d5dbe1;border-radius:4px;padding:14px;margin-bottom:14px}.narrow{max-width:380px}
        label{display:block;margin:8px 0}input,select,textarea{font:inherit;padding:4px 6px}label input{display:block;width:100%}
        button{font:inherit;padding:4px 14px;cursor:pointer;border:1px solid #1f4e79;background:#fff;color:#1f4e79;border-radius:3px}
        button.primary{background:#1f4e79;color:#fff}button:disabled{opacity:.5;cursor:default}
        .error{color:#b00020}.warning{color:#8a5300}.ok{color:#1b7a2f}.missing{color:#b00020;font-weight:bold}
        .status{display:inline-block;padding:1px 10px;border-radius:10px;background:#e8eef4}.status.closed{background:#d9f0de}
        .status.submitted{background:#fff1c9}.status.returned{background:#fbdada}
        .row{display:flex;gap:14px;flex-wrap:wrap;align-items:flex-start}.row>.card{flex:1 1 300px}.row>.card.wide{flex:2 1 560px}.nowrap{white-space:nowrap}
        form.upload{display:flex;gap:6px;align-items:center;margin:0}
        form.upload input[type=file]{position:absolute;width:1px;height:1px;opacity:0;overflow:hidden}
        form.upload label.pick{display:inline-block;margin:0;padding:4px 14px;border:1px solid #1f4e79;border-radius:3px;color:#1f4e79;background:#fff;cursor:pointer}
        form.upload input[type=file]:focus+label.pick{outline:2px solid #1f4e79}form.upload .chosen{max-width:200px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;color:#5a6570}
        #rate-message{white-space:pre-wrap}
        #progress{font-family:monospace;white-space:pre-wrap}textarea#draft-text{width:100%;font-family:monospace}
        table.draft-view td.ln{width:3.5em;text-align:right;color:#5a6570;cursor:pointer}table.draft-view td.code{font-family:monospace;white-space:pre-wrap;width:50%}
        table.draft-view tr.context td{color:#5a6570;border-color:#eef1f4}table.draft-view tr.problem.error td{background:#fdecee}
        table.draft-view tr.problem.warning td{background:#fff6e0}table.draft-view mark{background:#ffd54f;outline:1px solid #b00020}
        table.draft-view tr.gap td{text-align:center;color:#5a6570}pre.explain{white-space:pre-wrap;background:#fff;border:1px solid #d5dbe1;padding:10px}
        div.explain{background:#fff;border:1px solid #d5dbe1;padding:10px}.ex-line{font-family:monospace;white-space:pre-wrap}
        table.cells{width:auto;margin:4px 0 8px 3em;font-size:13px}table.cells caption{text-align:left;color:#5a6570;font-family:monospace}
        """

    static let script = """
        "use strict";
        function csrf(){var m=document.querySelector('meta[name="csrf-token"]');return m?m.content:"";}
        async function api(method,url,body,raw){
          var h={"X-CSRF-Token":csrf()};if(body!==undefined&&!raw){h["Content-Type"]="application/json";body=JSON.stringify(body);}
          var r;try{r=await fetch(url,{method:method,headers:h,body:body,credentials:"same-origin"});}
          catch(e){return {status:0,data:null};}
          var data=null;try{data=await r.json();}catch(e){}
          return {status:r.status,data:data};
        }
        function say(el,text,cls){if(!el)return;el.textContent=text;el.classList.remove("error","ok");if(cls)el.classList.add(cls);}
        function errorText(r){if(r.data&&r.data.error)return r.data.error;var b=document.body.dataset;
          return r.status===0?b.offline:b.failed.replace("CODE",String(r.status));}
        document.addEventListener("DOMContentLoaded",function(){
          var login=document.getElementById("login-form");
          if(login){login.addEventListener("submit",async function(ev){ev.preventDefault();
            var r=await api("POST","/api/login",{name:login.name.value,password:login.password.value});
            if(r.status===200){location.href="/";}else{say(document.getElementById("login-message"),errorText(r),"error");}});}
          var out=document.getElementById("logout");
          if(out){out.addEventListener("click",async function(){await api("POST","/api/logout");location.href="/login";});}
          document.querySelectorAll("form.upload input[type=file]").forEach(function(i){i.addEventListener("change",function(){
            var n=i.form.querySelector(".chosen");if(n)n.textContent=i.files.length?i.files[0].name:i.form.dataset.none;
            say(i.form.querySelector(".message"),"","");});});
          document.querySelectorAll("form.upload").forEach(function(f){f.addEventListener("submit",async function(ev){ev.preventDefault();
            var file=f.querySelector("input[type=file]").files[0];var msg=f.querySelector(".message");
            if(!file){say(msg,f.dataset.choose,"error");return;}
            var url=f.dataset.url+(f.dataset.pattern?encodeURIComponent(file.name):"");var r=await api("PUT",url,file,true);
            if(r.status===409&&confirm(f.dataset.confirm)){r=await api("PUT",url+"?replace=true",file,true);}
            if(r.status===201){location.reload();}else{say(msg,errorText(r),"error");}});});
          var run=document.getElementById("run");
          if(run){run.addEventListener("click",async function(){
            run.disabled=true;var prog=document.getElementById("progress");var accept=[];
            document.querySelectorAll("input.accept-row:checked").forEach(function(c){
              var reason=document.getElementById("reason-"+c.dataset.index);accept.push({row:c.dataset.row,reason:reason?reason.value:""});});
            var timer=setInterval(async function(){var p=await api("GET",run.dataset.progress);
              if(p.status===200&&p.data){say(prog,p.data.text,"");}},700);
            var r=await api("POST",run.dataset.url,{accept:accept});clearInterval(timer);
            if(r.status===200){location.reload();}else{say(prog,errorText(r),"error");run.disabled=false;}});}
          document.querySelectorAll("button.step").forEach(function(b){b.addEventListener("click",async function(){
            var body={};if(b.dataset.reason){var why=prompt(b.dataset.reason);if(!why)return;body.reason=why;}
            b.disabled=true;var r=await api("POST",b.dataset.url,body);var msg=document.getElementById("step-message");
            if(r.status===200){location.reload();}else{say(msg,errorText(r),"error");b.disabled=false;}});});
          document.querySelectorAll("button.verify").forEach(function(b){b.addEventListener("click",async function(){
            b.disabled=true;var msg=document.getElementById("verify-"+b.dataset.period);say(msg,b.dataset.busy,"");
            var r=await api("POST",b.dataset.url);b.disabled=false;
            if(r.status===200){say(msg,r.data.identical?b.dataset.same:(b.dataset.differ+"\\n"+r.data.differences.join("\\n")),r.data.identical?"ok":"error");}
            else{say(msg,errorText(r),"error");}});});
          document.querySelectorAll("button.rate").forEach(function(b){b.addEventListener("click",async function(){
            var period=document.getElementById("rate-period").value.trim();var msg=document.getElementById("rate-message");
            if(!period){say(msg,b.dataset.empty,"error");return;}
            b.disabled=true;say(msg,b.dataset.busy,"");var r=await api("POST",b.dataset.url.replace("PERIOD",encodeURIComponent(period)));b.disabled=false;
            if(r.status===200&&!r.data.ok){say(msg,[b.dataset.stopped].concat(r.data.problems.map(function(p){return p.message;})).join("\\n"),"error");}
            else if(r.status===200){msg.innerHTML="";r.data.files.forEach(function(n){var a=document.createElement("a");
              a.href="/api/towns/"+b.dataset.town+"/periods/"+encodeURIComponent(period)+"/outputs/"+encodeURIComponent(n);a.textContent=n;msg.appendChild(a);msg.appendChild(document.createTextNode(" "));});}
            else{say(msg,errorText(r),"error");}});});
        });
        """
}
