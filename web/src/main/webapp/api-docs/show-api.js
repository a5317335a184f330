// Renders the intake API's description; "Try it out" is off: the API takes no browser session.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "openapi.yaml",
    dom_id: "#swagger-ui",
    supportedSubmitMethods: [],
    deepLinking: false,
    validatorUrl: null
  });
});
