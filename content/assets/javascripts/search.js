/* Search, on Pagefind's JavaScript API: the header box on every page and the
   /search/ page. A module loaded with <script type="module"> from main.html;
   Pagefind itself loads only when someone starts to search. */

import { setUpSearchBox } from "./search-box.js";
import { setUpSearchPage } from "./search-page.js";

const box = document.querySelector("[data-search-box]");
if (box) setUpSearchBox(box);
const page = document.querySelector("[data-search-page]");
if (page) setUpSearchPage(page);
