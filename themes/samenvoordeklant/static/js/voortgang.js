// "Voortgang doorgeven" on a werkplein page: turns the form into the werkplein's report file
// <id>.csv (header werkplein,<mijlpaal ids>,bijgewerkt and one row) and saves it as a download;
// no server is involved. Without JavaScript the form stays hidden and the page shows the two
// lines to write by hand.
(function () {
  "use strict";
  var form = document.getElementById("voortgang-form");
  if (!form || !window.Blob || !window.URL) return;
  var section = form.closest(".voortgang");
  var manual = section && section.querySelector(".voortgang__zonder-js");
  var status = form.querySelector(".voortgang__status");
  var date = form.querySelector("input[name=bijgewerkt]");
  var werkplein = form.getAttribute("data-werkplein");
  var mijlpalen = form.getAttribute("data-mijlpalen").split(",");

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  if (!date.value) {
    var d = new Date();
    date.value = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function answer(id) {
    var checked = form.querySelector('input[type=radio][name="' + id + '"]:checked');
    return checked ? checked.value : "";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value)) {
      status.textContent = "Vul de datum van deze antwoorden in (jjjj-mm-dd).";
      date.focus();
      return;
    }
    var cells = mijlpalen.map(answer);
    var text = "werkplein," + mijlpalen.join(",") + ",bijgewerkt\n" +
      werkplein + "," + cells.join(",") + "," + date.value + "\n";
    var blob = new Blob([text], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = werkplein + ".csv";
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    var answered = cells.filter(function (c) { return c !== ""; }).length;
    status.textContent = "Het bestand " + werkplein + ".csv is opgeslagen (" + answered + " van " +
      mijlpalen.length + " mijlpalen ingevuld). Stuur het naar de redactie.";
  });

  if (manual) manual.hidden = true;
  form.hidden = false;
})();
