import type { MetadataRoute } from "next";

// The installable app (a PWA): its name, icons and colours, and the share
// target that puts CancelCase in the phone's share sheet, so a screenshot or
// a PDF of a confirmation goes straight to a case (public/sw.js takes the
// shared files; /share asks which case).
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "CancelCase",
    short_name: "CancelCase",
    description: "Track every subscription cancellation until the provider has confirmed it.",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#4f46e5",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    // Not in Next's type yet; the Web Share Target spec's shape.
    ...({
      share_target: {
        action: "/share",
        method: "POST",
        enctype: "multipart/form-data",
        params: {
          title: "title",
          text: "text",
          files: [
            {
              name: "file",
              accept: [
                "image/*",
                "application/pdf",
                ".pdf",
                "message/rfc822",
                ".eml",
                "text/plain",
              ],
            },
          ],
        },
      },
    } as object),
  };
}
