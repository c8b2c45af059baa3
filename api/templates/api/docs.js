"use strict";
window.ui = SwaggerUIBundle(Object.assign({
  url: "{{ schema_url|escapejs }}",
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
}, {{ settings|safe }}));
