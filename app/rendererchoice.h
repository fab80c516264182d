#pragma once

#include <QString>

#include <optional>

namespace vigil
{

// Which Qt Quick scene graph backend to run, and why. Without GPU acceleration Qt Quick's
// OpenGL backend runs on a software rasteriser (llvmpipe, softpipe, swrast), which costs the
// demo several times the CPU and memory of the software scene graph on the same pages; so a
// software rasteriser means the software backend unless the user chose a backend.
struct RendererChoice {
    enum class Backend {
        QtDefault, // whatever Qt picks (OpenGL on a real GPU, or QT_QUICK_BACKEND)
        Software,
        OpenGL
    };
    Backend backend = Backend::QtDefault;
    QString reason; // for the log and the settings page: "llvmpipe is a software rasteriser"

    // llvmpipe, softpipe or swrast in an OpenGL renderer string.
    static bool isSoftwareRasteriser(const QString &glRenderer);
    // `requested`: --renderer (software, opengl, or empty); `environmentBackend`:
    // QT_QUICK_BACKEND; `glRenderer`: the OpenGL renderer string, nullopt when no OpenGL
    // context could be made (only probed when neither was given).
    static RendererChoice choose(const QString &requested, const QString &environmentBackend,
                                 const std::optional<QString> &glRenderer);
    QString backendName() const; // "software", "opengl", "Qt default"
};

} // namespace vigil
