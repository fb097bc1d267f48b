// The demo shop's words, Spanish and English.
import { translator, type Dictionary } from "../shared/i18n";

const dictionary: Dictionary<
  | "title" | "demoNote" | "openPhone" | "openPhoneHint" | "navLiving" | "navKitchen" | "navBedroom" | "callUs"
  | "heroTitle" | "heroText" | "heroCta" | "howTitle" | "how1" | "how2" | "how3" | "how4" | "how5" | "howAgent"
  | "productsTitle" | "productsText" | "add" | "added" | "loading" | "loadFailed" | "footer" | "footerSmall" | "langSwitch" | "skip"
> = {
  es: {
    title: "Tienda Aurora · casa y mesa",
    demoNote: "Tienda de demostración de PhoneBridge: nada aquí se vende de verdad.",
    openPhone: "Llamar a la tienda (simulador de teléfono)",
    openPhoneHint: "Se abre en una pestaña nueva",
    navLiving: "Salón",
    navKitchen: "Cocina",
    navBedroom: "Dormitorio",
    callUs: "Llámanos: 910 000 000",
    heroTitle: "Objetos sencillos para una casa tranquila",
    heroText: "Cerámica, lino y vidrio hechos por talleres pequeños. ¿Dudas sobre una pieza? Llámanos: te damos un código y la vemos juntos en tu pantalla.",
    heroCta: "Ver la colección",
    howTitle: "Cómo probarlo en este ordenador",
    how1: "Abre el simulador con el botón «Llamar a la tienda» y, en él, pulsa «Llamar».",
    how2: "Escucha (o lee) el código de 6 cifras que te dicta la centralita.",
    how3: "Vuelve a esta pestaña, pulsa el botón de la esquina y escribe el código.",
    how4: "En otra ventana abre {agent} y entra como ana (contraseña ana-development-password).",
    how5: "En el simulador, contesta como Ana. Admite al cliente en la consola y compartid productos, dibujos y el vídeo.",
    howAgent: "/agent",
    productsTitle: "Novedades de temporada",
    productsText: "Pregunta por cualquiera de estas piezas: tu asesor puede enseñártela en grande, señalar detalles y ponerte el vídeo.",
    add: "Añadir a la cesta",
    added: "En esta demostración no hay cesta; prueba a llamar a la tienda.",
    loading: "Cargando productos…",
    loadFailed: "No se pudieron cargar los productos.",
    footer: "Tienda Aurora · Calle del Alba 12, Madrid · Lunes a sábado, 10:00–20:00",
    footerSmall: "Tienda ficticia para probar PhoneBridge. Las ilustraciones y el vídeo forman parte del proyecto.",
    langSwitch: "English",
    skip: "Ir al contenido",
  },
  en: {
    title: "Tienda Aurora · home & table",
    demoNote: "PhoneBridge demo shop: nothing here is really for sale.",
    openPhone: "Call the shop (phone simulator)",
    openPhoneHint: "Opens in a new tab",
    navLiving: "Living room",
    navKitchen: "Kitchen",
    navBedroom: "Bedroom",
    callUs: "Call us: 910 000 000",
    heroTitle: "Simple things for a calm home",
    heroText: "Ceramics, linen and glass from small workshops. Unsure about a piece? Call us: we give you a code and look at it together on your screen.",
    heroCta: "See the collection",
    howTitle: "How to try it on this computer",
    how1: "Open the simulator with the “Call the shop” button and, in it, press “Call”.",
    how2: "Listen to (or read) the 6-digit code the phone line gives you.",
    how3: "Come back to this tab, press the button in the corner and type the code.",
    how4: "In another window open {agent} and sign in as ana (password ana-development-password).",
    how5: "In the simulator, answer as Ana. Admit the customer in the console and share products, drawings and the video.",
    howAgent: "/agent",
    productsTitle: "New this season",
    productsText: "Ask about any of these pieces: your adviser can show it large, point at details and play you the video.",
    add: "Add to basket",
    added: "There is no basket in this demo; try calling the shop.",
    loading: "Loading products…",
    loadFailed: "The products could not be loaded.",
    footer: "Tienda Aurora · Calle del Alba 12, Madrid · Monday to Saturday, 10:00–20:00",
    footerSmall: "A made-up shop for trying PhoneBridge. The illustrations and the video are part of the project.",
    langSwitch: "Español",
    skip: "Skip to content",
  },
};

export const t = translator(dictionary);
export type DemoKey = Parameters<typeof t>[0];
