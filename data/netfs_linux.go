//go:build linux

package data

import "golang.org/x/sys/unix"

// Magic numbers of the network file systems statfs(2) reports.
var networkFS = map[int64]string{
	0x6969:     "NFS",
	0x517B:     "SMB",
	0xFF534D42: "CIFS",
	0xFE534D42: "SMB2",
	0x01021997: "9P",
	0x65735546: "FUSE", // sshfs and other network mounts
}

// networkShare names the network file system dir is on, or "".
func networkShare(dir string) string {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return ""
	}
	return networkFS[int64(st.Type)]
}
