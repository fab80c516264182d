#include "rendererchoice.h"

#include <QRegularExpression>

namespace vigil
{

bool RendererChoice::isSoftwareRasteriser(const QString &glRenderer)
{
    static const QRegularExpression software(QStringLiteral("\\b(llvmpipe|softpipe|swrast)\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    return software.match(glRenderer).hasMatch();
}

RendererChoice RendererChoice::choose(const QString &requested, const QString &environmentBackend,
                                      const std::optional<QString> &glRenderer)
{
    if (requested == u"software")
        return {Backend::Software, QStringLiteral("chosen with --renderer software")};
    if (requested == u"opengl")
        return {Backend::OpenGL, QStringLiteral("chosen with --renderer opengl")};
    if (!environmentBackend.isEmpty()) {
        return {Backend::QtDefault,
                QStringLiteral("chosen with QT_QUICK_BACKEND=%1").arg(environmentBackend)};
    }
    if (!glRenderer)
        return {Backend::Software, QStringLiteral("no OpenGL context could be made")};
    if (isSoftwareRasteriser(*glRenderer)) {
        return {Backend::Software,
                QStringLiteral("OpenGL renderer '%1' is a software rasteriser").arg(*glRenderer)};
    }
    return {Backend::QtDefault, QStringLiteral("OpenGL renderer '%1'").arg(*glRenderer)};
}

QString RendererChoice::backendName() const
{
    switch (backend) {
    case Backend::Software:
        return QStringLiteral("software");
    case Backend::OpenGL:
        return QStringLiteral("opengl");
    case Backend::QtDefault:
        break;
    }
    return QStringLiteral("Qt default");
}

} // namespace vigil
