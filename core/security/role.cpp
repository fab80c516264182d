#include "role.h"

#include <array>

namespace vigil
{

namespace
{
constexpr std::array<std::pair<Role, const char16_t *>, 4> kRoles{{
    {Role::Viewer, u"viewer"},
    {Role::Operator, u"operator"},
    {Role::Engineer, u"engineer"},
    {Role::Admin, u"admin"},
}};
} // namespace

QString roleName(Role role)
{
    for (const auto &[r, name] : kRoles) {
        if (r == role)
            return QString::fromUtf16(name);
    }
    return QString();
}

std::optional<Role> parseRole(QStringView name)
{
    for (const auto &[r, text] : kRoles) {
        if (name.compare(QStringView(text), Qt::CaseInsensitive) == 0)
            return r;
    }
    return std::nullopt;
}

QStringList roleNames()
{
    QStringList out;
    for (const auto &entry : kRoles)
        out.append(QString::fromUtf16(entry.second));
    return out;
}

} // namespace vigil
