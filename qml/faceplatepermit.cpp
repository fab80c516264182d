#include "faceplatepermit.h"

#include "commands/commandpermissives.h"
#include "commands/commandservice.h"
#include "faceplatetag.h"
#include "faceplatetext.h"
#include "security/permission.h"
#include "security/session.h"

namespace vigil
{

QString FaceplatePermit::generalReason(const FaceplateTag &tag,
                                       const CommandPermissives &permissives,
                                       const Session *session, const CommandService *commands)
{
    const bool discrete = tag.discrete();
    const Permission needed = discrete ? Permission::OperateEquipment : Permission::ChangeSetpoint;
    if (!commands)
        return FaceplateText::serviceUnavailable();
    if (!tag.definition().writable || !permissives.writable)
        return FaceplateText::viewOnly();
    if (!session || (!session->loggedIn() && !session->allowed(needed)))
        return FaceplateText::notLoggedIn();
    if (!session->allowed(needed))
        return FaceplateText::roleMayNot(session->role(), discrete);
    if (!permissives.deviceOk)
        return FaceplateText::commLoss(permissives.deviceReason);
    return QString();
}

bool FaceplatePermit::update(const FaceplateTag &tag, const CommandPermissives &permissives,
                             const Session *session, const CommandService *commands)
{
    const QString general = generalReason(tag, permissives, session, commands);
    QStringList off;
    QStringList on;
    if (tag.discrete() && commands) {
        off = commands->blockingFor(tag.index(), QVariant(false));
        on = commands->blockingFor(tag.index(), QVariant(true));
    }
    if (m_evaluated && general == m_general && permissives.blocking == m_blocked &&
        off == m_blockedOff && on == m_blockedOn)
        return false;
    m_general = general;
    m_blocked = permissives.blocking;
    m_blockedOff = off;
    m_blockedOn = on;
    m_evaluated = true;
    return true;
}

void FaceplatePermit::clear()
{
    *this = FaceplatePermit();
}

bool FaceplatePermit::allowed(bool state) const
{
    return m_evaluated && m_general.isEmpty() && (state ? m_blockedOn : m_blockedOff).isEmpty();
}

bool FaceplatePermit::canCommand(const FaceplateTag &tag) const
{
    if (!m_evaluated || !m_general.isEmpty())
        return false;
    return tag.discrete() ? allowed(false) || allowed(true) : m_blocked.isEmpty();
}

QString FaceplatePermit::reason(const FaceplateTag &tag) const
{
    if (!m_general.isEmpty())
        return m_general;
    if (!tag.discrete())
        return m_blocked.isEmpty() ? QString() : FaceplateText::interlocked(m_blocked);
    if (!m_blockedOff.isEmpty() && !m_blockedOn.isEmpty())
        return FaceplateText::interlocked(m_blocked);
    if (!m_blockedOn.isEmpty())
        return FaceplateText::interlockedValue(tag.label(true), m_blockedOn);
    if (!m_blockedOff.isEmpty())
        return FaceplateText::interlockedValue(tag.label(false), m_blockedOff);
    return QString();
}

} // namespace vigil
